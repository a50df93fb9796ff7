package vn.bantin.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import vn.bantin.dedup.Fingerprint;
import vn.bantin.dedup.StoryIdentity.Keys;
import vn.bantin.model.Entry;

/**
 * The rows {@link StoryWriter} writes once it decided what an entry is: a new story, an entry
 * (with its near-duplicate bands and title key in the {@link NearIndex}), a re-polled entry
 * touched. Runs in the writer's transaction, with statements from its {@link StatementCache}; no
 * lookups.
 */
final class StoryRows {

  private final NearIndex near;
  private final Instant now;
  private final PreparedStatement insertStory;
  private final PreparedStatement insertEntry;
  private final PreparedStatement touchEntry;
  private final PreparedStatement updateFirstSighting;
  private final PreparedStatement lastRowid;
  private final PreparedStatement firstSightingRid;
  private final PreparedStatement indexedEntry;

  StoryRows(StatementCache statements, NearIndex near, Instant now) throws SQLException {
    this.near = near;
    this.now = now;
    insertStory = statements.get("INSERT INTO stories (id, link, title, summary_html, content_html,"
        + " author, published, first_source_id, first_entry_key, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (first_source_id, first_entry_key)"
        + " DO NOTHING");
    insertEntry = statements.get("INSERT INTO entries (source_id, entry_key, story_rid, link,"
        + " canonical_link, title, title_key, published, fetched_at, last_seen, signature, marks)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    // Not INSERT ... RETURNING id: SQLite stages returned rows in a table of their own, and that
    // cost more than this second statement (bench/floor.sh, 2026-11-27).
    lastRowid = statements.get("SELECT last_insert_rowid()");
    firstSightingRid = statements.get(
        "SELECT rid FROM stories WHERE first_source_id = ? AND first_entry_key = ?");
    indexedEntry = statements.get(
        "SELECT published, fetched_at, signature FROM entries WHERE id = ?");
    touchEntry = statements.get("UPDATE entries SET last_seen = ?, link = ?, canonical_link = ?,"
        + " title = ?, title_key = ? WHERE source_id = ? AND entry_key = ?");
    // Only the first sighting's text is shown, so only its edits reach the story.
    // The new text is bound once and compared by number (?1 to ?4).
    updateFirstSighting = statements.get("UPDATE stories SET title = ?1, summary_html = ?2,"
        + " content_html = ?3, author = ?4 WHERE rid = ?5 AND first_source_id = ?6"
        + " AND first_entry_key = ?7 AND (title IS NOT ?1 OR summary_html IS NOT ?2"
        + " OR content_html IS NOT ?3 OR author IS NOT ?4)");
  }

  /**
   * Inserts the story; returns its key ({@code stories.rid}, which entries and memberships name
   * it by), or -1, and nothing written, when a story first seen as this entry is stored.
   */
  long insertStory(Entry entry, String storyId) throws SQLException {
    insertStory.setString(1, storyId);
    insertStory.setString(2, entry.link());
    insertStory.setString(3, entry.title());
    insertStory.setString(4, entry.summaryHtml());
    insertStory.setString(5, entry.contentHtml());
    insertStory.setString(6, entry.author());
    Jdbc.setInstant(insertStory, 7, entry.published());
    insertStory.setString(8, entry.sourceId());
    insertStory.setString(9, entry.key());
    Jdbc.setInstant(insertStory, 10, now);
    return insertStory.executeUpdate() > 0 ? lastRowid() : -1;
  }

  /** The key of the stored story first seen as {@code entry}. */
  long ridOfFirstSighting(Entry entry) throws SQLException {
    firstSightingRid.setString(1, entry.sourceId());
    firstSightingRid.setString(2, entry.key());
    try (ResultSet row = firstSightingRid.executeQuery()) {
      if (!row.next()) {
        throw new SQLException("no story first seen as " + entry.sourceId() + " " + entry.key());
      }
      return row.getLong(1);
    }
  }

  /**
   * Inserts the entry into the story whose key is {@code storyRid}, and its bands and title key
   * into the near index.
   */
  void insertEntry(Entry entry, Keys keys, long storyRid) throws SQLException {
    insertEntry.setString(1, entry.sourceId());
    insertEntry.setString(2, entry.key());
    insertEntry.setLong(3, storyRid);
    insertEntry.setString(4, entry.link());
    insertEntry.setString(5, keys.canonicalLink());
    insertEntry.setString(6, entry.title());
    insertEntry.setString(7, keys.titleKey());
    Jdbc.setInstant(insertEntry, 8, entry.published());
    Jdbc.setInstant(insertEntry, 9, entry.fetchedAt());
    Jdbc.setInstant(insertEntry, 10, entry.fetchedAt());
    insertEntry.setBytes(11, keys.fingerprint().signatureBytes());
    insertEntry.setString(12, keys.fingerprint().marks());
    insertEntry.executeUpdate();
    Fingerprint fingerprint = keys.fingerprint();
    long[] postings = TitleBand.with(fingerprint.bands(), keys.titleKey());
    if (postings.length == 0) {
      return;
    }
    near.add(lastRowid(), entry.published().toEpochMilli(), entry.fetchedAt().toEpochMilli(),
        postings, fingerprint.sketch());
  }

  private long lastRowid() throws SQLException {
    try (ResultSet id = lastRowid.executeQuery()) {
      id.next();
      return id.getLong(1);
    }
  }

  /**
   * Marks a known entry seen; true when it is its story's first sighting and its text changed.
   * {@code id} and {@code storedTitleKey} are the entry's as stored: an edited title moves the
   * entry's title posting in the near index.
   */
  boolean touch(Entry entry, Keys keys, long storyRid, long id, String storedTitleKey)
      throws SQLException {
    if (!Objects.equals(storedTitleKey, keys.titleKey())) {
      moveTitle(id, storedTitleKey, keys.titleKey());
    }
    Jdbc.setInstant(touchEntry, 1, entry.fetchedAt());
    touchEntry.setString(2, entry.link());
    touchEntry.setString(3, keys.canonicalLink());
    touchEntry.setString(4, entry.title());
    touchEntry.setString(5, keys.titleKey());
    touchEntry.setString(6, entry.sourceId());
    touchEntry.setString(7, entry.key());
    touchEntry.executeUpdate();
    updateFirstSighting.setString(1, entry.title());
    updateFirstSighting.setString(2, entry.summaryHtml());
    updateFirstSighting.setString(3, entry.contentHtml());
    updateFirstSighting.setString(4, entry.author());
    updateFirstSighting.setLong(5, storyRid);
    updateFirstSighting.setString(6, entry.sourceId());
    updateFirstSighting.setString(7, entry.key());
    return updateFirstSighting.executeUpdate() > 0;
  }

  /** Re-adds entry {@code id} to the near index under its new title key (rare: an edit). */
  private void moveTitle(long id, String from, String to) throws SQLException {
    indexedEntry.setLong(1, id);
    try (ResultSet row = indexedEntry.executeQuery()) {
      if (!row.next()) {
        return;
      }
      long published = row.getLong(1);
      Fingerprint stored = Fingerprint.restore(row.getBytes(3), null);
      near.remove(id, published, TitleBand.with(stored.bands(), from));
      long[] postings = TitleBand.with(stored.bands(), to);
      if (postings.length > 0) {
        near.add(id, published, row.getLong(2), postings, stored.sketch());
      }
    }
  }
}
