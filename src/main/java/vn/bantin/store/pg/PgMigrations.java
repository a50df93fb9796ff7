package vn.bantin.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a PostgreSQL database to the current schema: applies the versioned scripts under {@code
 * db/postgresql/} it has not seen yet, in order, in one transaction that holds {@link
 * PgLocks#SCHEMA}. Instances starting at once queue on the lock; the first migrates, the others
 * then find the schema current. A script is never edited once released: a change is a new one.
 */
final class PgMigrations {

  /** Every script, oldest first; {@code V<n>__<what>.sql} is schema version n. */
  static final List<String> SCRIPTS = List.of("V1__init.sql", "V2__leases.sql",
      "V3__config.sql", "V4__withdrawn_versions.sql", "V5__bands_in_entries.sql");

  private static final String DIRECTORY = "/db/postgresql/";

  private PgMigrations() {}

  /**
   * Applies the missing scripts.
   *
   * @return the versions applied now, empty when the schema was current; failed when a script
   *     fails (nothing is applied) or the database is newer than this program
   */
  static Future<List<Integer>> apply(Pool pool, InstantSource clock) {
    return apply(pool, clock, SCRIPTS.size());
  }

  /** {@link #apply}, up to schema version {@code last}: an older database, for upgrade tests. */
  static Future<List<Integer>> apply(Pool pool, InstantSource clock, int last) {
    return pool.withTransaction(c -> PgLocks.take(c, PgLocks.SCHEMA)
        // Looked up rather than CREATE TABLE IF NOT EXISTS, whose notice the client logs as a
        // warning at every start; the lock makes the look and the creation one step.
        .compose(v -> c.query("SELECT to_regclass('schema_version') IS NULL").execute())
        .compose(missing -> missing.iterator().next().getBoolean(0)
            ? c.query("CREATE TABLE schema_version (version INTEGER PRIMARY KEY,"
                + " script TEXT NOT NULL, applied_at BIGINT NOT NULL)").execute()
            : Future.succeededFuture())
        .compose(v -> c.query("SELECT COALESCE(MAX(version), 0) FROM schema_version").execute())
        .compose(rows -> {
          int current = rows.iterator().next().getInteger(0);
          if (current > SCRIPTS.size()) {
            return Future.failedFuture(new IllegalStateException("database schema version "
                + current + " is newer than this program knows (" + SCRIPTS.size() + ")"));
          }
          return applyFrom(c, current + 1, last, new ArrayList<>(), clock);
        }));
  }

  private static Future<List<Integer>> applyFrom(SqlConnection c, int version, int last,
      List<Integer> applied, InstantSource clock) {
    if (version > last) {
      return Future.succeededFuture(List.copyOf(applied));
    }
    String script = SCRIPTS.get(version - 1);
    // A simple query may hold several statements (PostgreSQL protocol, "Simple Query"), so a
    // script runs whole, inside the migration's transaction.
    return c.query(read(script)).execute()
        .compose(v -> c.preparedQuery("INSERT INTO schema_version (version, script, applied_at)"
            + " VALUES ($1, $2, $3)").execute(Tuple.of(version, script, clock.millis())))
        .compose(v -> {
          applied.add(version);
          return applyFrom(c, version + 1, last, applied, clock);
        });
  }

  private static String read(String script) {
    try (InputStream in = PgMigrations.class.getResourceAsStream(DIRECTORY + script)) {
      if (in == null) {
        throw new IllegalStateException("missing migration resource " + DIRECTORY + script);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
