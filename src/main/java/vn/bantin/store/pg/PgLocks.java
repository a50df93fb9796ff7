package vn.bantin.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * The transaction-scoped advisory locks bantin's instances coordinate by (PostgreSQL "Advisory
 * Locks", section 13.3.5): held until the transaction that took them ends, so nothing can leak
 * a lock, and every statement after taking one sees what the previous holder committed.
 */
final class PgLocks {

  /** Held while the schema is migrated, so instances starting together migrate once. */
  static final long SCHEMA = 0x62616e74696e0001L;
  /**
   * Held by every transaction that makes or joins stories with entries not stored before, by
   * pruning and by rebuilding category membership. Rules 2 to 4 match on keys of other rows (a
   * link, a title within 48 hours, any of 16 LSH bands within 72 hours), which no unique index
   * can guard; with this lock, two instances that see the same story at once decide one after
   * the other, and the second finds the first's story. Re-polls of stored entries (most polls)
   * never take it and run in parallel.
   */
  static final long STORIES = 0x62616e74696e0002L;

  private PgLocks() {}

  /** Waits for {@code key} inside the transaction open on {@code connection}. */
  static Future<Void> take(SqlConnection connection, long key) {
    return connection.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(key))
        .mapEmpty();
  }
}
