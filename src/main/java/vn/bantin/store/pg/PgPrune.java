package vn.bantin.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Set;

/** Deletes stories past retention, reporting which categories showed them. */
final class PgPrune {

  /**
   * @param count how many stories were deleted
   * @param categories the categories that showed one of them
   */
  record Pruned(int count, Set<String> categories) {}

  private PgPrune() {}

  /**
   * Deletes, in the transaction open on {@code c}, the stories published before {@code cutoff}
   * that no source has carried since.
   */
  static Future<Pruned> run(SqlConnection c, Instant cutoff) {
    // Under the stories lock, so no ingest decides to join a story being deleted. Entries and
    // every table keyed by story follow by ON DELETE CASCADE. The categories are read by the
    // same statement, whose snapshot still holds the memberships the cascade removes
    // (PostgreSQL "Data-Modifying Statements in WITH", section 7.8.4).
    return PgLocks.take(c, PgLocks.STORIES)
        .compose(v -> c.preparedQuery("WITH gone AS (DELETE FROM stories WHERE published < $1"
                + " AND NOT EXISTS (SELECT 1 FROM entries e WHERE e.story_id = stories.id"
                + " AND e.last_seen >= $1) RETURNING id)"
                + " SELECT (SELECT count(*) FROM gone)::int AS pruned,"
                + " ARRAY(SELECT DISTINCT cs.category_id FROM category_stories cs"
                + " JOIN gone ON gone.id = cs.story_id) AS categories")
            .execute(Tuple.of(cutoff.toEpochMilli())))
        .map(rows -> {
          Row row = rows.iterator().next();
          return new Pruned(row.getInteger("pruned"),
              Set.of(row.getArrayOfStrings("categories")));
        });
  }
}
