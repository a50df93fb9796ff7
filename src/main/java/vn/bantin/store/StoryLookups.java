package vn.bantin.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import vn.bantin.dedup.Fingerprint;
import vn.bantin.dedup.StoryIdentity;
import vn.bantin.dedup.StoryIdentity.Candidate;

/**
 * The indexed lookups {@link StoryIdentity} asks while a poll is written: one prepared statement
 * each, from the writer's {@link StatementCache}, in the writer's transaction, so a feed's entries
 * see each other.
 */
final class StoryLookups implements StoryIdentity.Lookup<SQLException> {
  /** Entries compared at most per incoming entry: a bound on the work whatever the data. */
  private static final int MAX_NEAR_CANDIDATES = 50;

  /**
   * Entries sharing a band within the dates, earliest sighting first. Each band is its own
   * range of the entry_bands primary key (band, published); the union is small, since bands are
   * near-unique. A band row whose entry is gone joins nothing.
   */
  private static final String NEAR_ENTRIES = "SELECT e.story_id, e.signature, e.marks"
      + " FROM entries e WHERE e.id IN (SELECT b.entry_id FROM entry_bands b"
      + " WHERE b.band IN (" + String.join(", ", Collections.nCopies(Fingerprint.BANDS, "?"))
      + ") AND b.published BETWEEN ? AND ?)"
      + " ORDER BY e.fetched_at, e.id LIMIT " + MAX_NEAR_CANDIDATES;

  private final PreparedStatement entryStory;
  private final PreparedStatement linkStory;
  private final PreparedStatement titleStory;
  private final PreparedStatement nearEntries;

  StoryLookups(StatementCache statements) throws SQLException {
    entryStory = statements.get(
        "SELECT story_id FROM entries WHERE source_id = ? AND entry_key = ?");
    // The earliest sighting decides when several stored stories match.
    linkStory = statements.get("SELECT story_id FROM entries"
        + " WHERE canonical_link = ? ORDER BY fetched_at, id LIMIT 1");
    titleStory = statements.get("SELECT story_id FROM entries WHERE title_key = ?"
        + " AND published BETWEEN ? AND ? ORDER BY fetched_at, id LIMIT 1");
    nearEntries = statements.get(NEAR_ENTRIES);
  }

  @Override
  public String storyOfEntry(String sourceId, String entryKey) throws SQLException {
    entryStory.setString(1, sourceId);
    entryStory.setString(2, entryKey);
    return firstString(entryStory);
  }

  @Override
  public String storyWithLink(String canonicalLink) throws SQLException {
    linkStory.setString(1, canonicalLink);
    return firstString(linkStory);
  }

  @Override
  public String storyWithTitle(String titleKey, Instant from, Instant to) throws SQLException {
    titleStory.setString(1, titleKey);
    Jdbc.setInstant(titleStory, 2, from);
    Jdbc.setInstant(titleStory, 3, to);
    return firstString(titleStory);
  }

  @Override
  public List<Candidate> nearCandidates(long[] bands, Instant from, Instant to)
      throws SQLException {
    for (int i = 0; i < bands.length; i++) {
      nearEntries.setLong(i + 1, bands[i]);
    }
    Jdbc.setInstant(nearEntries, Fingerprint.BANDS + 1, from);
    Jdbc.setInstant(nearEntries, Fingerprint.BANDS + 2, to);
    List<Candidate> candidates = new ArrayList<>();
    try (ResultSet rows = nearEntries.executeQuery()) {
      while (rows.next()) {
        candidates.add(new Candidate(rows.getString(1),
            Fingerprint.restore(rows.getBytes(2), rows.getString(3))));
      }
    }
    return candidates;
  }

  private static String firstString(PreparedStatement query) throws SQLException {
    try (ResultSet rows = query.executeQuery()) {
      return rows.next() ? rows.getString(1) : null;
    }
  }
}
