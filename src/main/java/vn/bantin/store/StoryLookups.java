package vn.bantin.store;

import java.sql.Connection;
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
 * each, on the writer's connection and transaction, so a feed's entries see each other.
 */
final class StoryLookups implements StoryIdentity.Lookup<SQLException>, AutoCloseable {
  /** Entries compared at most per incoming entry: a bound on the work whatever the data. */
  private static final int MAX_NEAR_CANDIDATES = 50;

  private final PreparedStatement entryStory;
  private final PreparedStatement linkStory;
  private final PreparedStatement titleStory;
  private final PreparedStatement nearEntries;
  private final PreparedStatement storyExists;

  StoryLookups(Connection connection) throws SQLException {
    entryStory = connection.prepareStatement(
        "SELECT story_id FROM entries WHERE source_id = ? AND entry_key = ?");
    // The earliest sighting decides when several stored stories match.
    linkStory = connection.prepareStatement("SELECT story_id FROM entries"
        + " WHERE canonical_link = ? ORDER BY fetched_at, rowid LIMIT 1");
    titleStory = connection.prepareStatement("SELECT story_id FROM entries WHERE title_key = ?"
        + " AND published BETWEEN ? AND ? ORDER BY fetched_at, rowid LIMIT 1");
    nearEntries = connection.prepareStatement(nearEntriesSql());
    storyExists = connection.prepareStatement("SELECT 1 FROM stories WHERE id = ?");
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

  /**
   * Entries sharing a band within the dates, earliest sighting first. Each band is its own
   * indexed range on (band, published); the union is small, since bands are near-unique.
   */
  private static String nearEntriesSql() {
    String bandPlaceholders = String.join(", ", Collections.nCopies(Fingerprint.BANDS, "?"));
    return "SELECT e.story_id, e.signature, e.marks FROM entries e"
        + " WHERE (e.source_id, e.entry_key) IN (SELECT b.source_id, b.entry_key"
        + " FROM entry_bands b WHERE b.band IN (" + bandPlaceholders + ")"
        + " AND b.published BETWEEN ? AND ?)"
        + " ORDER BY e.fetched_at, e.rowid LIMIT " + MAX_NEAR_CANDIDATES;
  }

  /** Whether a story with this id is stored. */
  boolean exists(String storyId) throws SQLException {
    storyExists.setString(1, storyId);
    return firstString(storyExists) != null;
  }

  private static String firstString(PreparedStatement query) throws SQLException {
    try (ResultSet rows = query.executeQuery()) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement statement : List.of(entryStory, linkStory, titleStory, nearEntries,
        storyExists)) {
      statement.close();
    }
  }
}
