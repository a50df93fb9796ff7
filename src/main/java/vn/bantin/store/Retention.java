package vn.bantin.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import vn.bantin.dedup.Fingerprint;

/**
 * Deletes what the retention period no longer keeps, inside the writer's transaction: stories
 * published before the cutoff that no source has carried since. Their entries and category
 * memberships follow by ON DELETE CASCADE; their near-duplicate bands, recomputed from the stored
 * signatures, leave the {@link NearIndex} (rolled back with the transaction). Freed pages are
 * reused by later inserts, so the file stops growing once the store holds a retention period's
 * worth of stories.
 */
final class Retention {

  /** Expired stories: a range of stories_by_published, each checked by entries_by_story. */
  private static final String EXPIRED = " FROM stories WHERE published < ?1 AND NOT EXISTS"
      + " (SELECT 1 FROM entries x WHERE x.story_rid = stories.rid AND x.last_seen >= ?1)";

  private Retention() {}

  /** Deletes the stories expired at {@code cutoff}; returns how many. */
  static int prune(StatementCache statements, NearIndex near, Instant cutoff)
      throws SQLException {
    PreparedStatement entries = statements.get("SELECT e.id, e.published, e.signature,"
        + " e.title_key FROM entries e WHERE e.story_rid IN (SELECT rid" + EXPIRED + ")"
        + " AND (e.signature IS NOT NULL OR e.title_key IS NOT NULL)");
    Jdbc.setInstant(entries, 1, cutoff);
    try (ResultSet rows = entries.executeQuery()) {
      while (rows.next()) {
        near.remove(rows.getLong(1), rows.getLong(2), TitleBand.with(
            Fingerprint.restore(rows.getBytes(3), null).bands(), rows.getBytes(4)));
      }
    }
    PreparedStatement delete = statements.get("DELETE" + EXPIRED);
    Jdbc.setInstant(delete, 1, cutoff);
    return delete.executeUpdate();
  }
}
