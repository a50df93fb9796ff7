package vn.bantin.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.bantin.dedup.Fingerprint;
import vn.bantin.dedup.StoryIdentity;
import vn.bantin.dedup.StoryIdentity.Candidate;

/**
 * The indexed lookups {@link StoryIdentity} asks while a poll is written: one prepared statement
 * each, from the writer's {@link StatementCache}, in the writer's transaction, so a feed's entries
 * see each other; near-duplicate candidates and entries of a title key come from the {@link
 * NearIndex} in memory, and their rows are read back to decide.
 */
final class StoryLookups implements StoryIdentity.Lookup<SQLException> {
  /** Entries compared at most per incoming entry: a bound on the work whatever the data. */
  private static final int MAX_NEAR_CANDIDATES = 50;

  /** An entry the near index names, read back by its id. */
  private static final String NEAR_ENTRY = "SELECT s.id, e.signature, e.marks, e.fetched_at,"
      + " e.story_rid FROM entries e JOIN stories s ON s.rid = e.story_rid"
      + " WHERE e.id = ? AND e.published BETWEEN ? AND ?";

  private final PreparedStatement entryStory;
  private final PreparedStatement linkStory;
  private final PreparedStatement titleStory;
  private final PreparedStatement nearEntry;
  private final NearIndex near;
  /** The key of each story the lookups of the current entry named, by public id. */
  private final Map<String, Long> rids = new HashMap<>();
  /** The id and title key of the entry {@link #storyOfEntry} last found, for its touch. */
  private long knownId;
  private String knownTitleKey;

  StoryLookups(StatementCache statements, NearIndex near) throws SQLException {
    this.near = near;
    entryStory = statements.get("SELECT s.id, e.id, e.title_key, e.story_rid FROM entries e"
        + " JOIN stories s ON s.rid = e.story_rid WHERE e.source_id = ? AND e.entry_key = ?");
    // The earliest sighting decides when several stored stories match.
    linkStory = statements.get("SELECT s.id, e.story_rid FROM entries e"
        + " JOIN stories s ON s.rid = e.story_rid"
        + " WHERE e.canonical_link = ? ORDER BY e.fetched_at, e.id LIMIT 1");
    titleStory = statements.get("SELECT s.id, e.fetched_at, e.story_rid FROM entries e"
        + " JOIN stories s ON s.rid = e.story_rid WHERE e.id = ?"
        + " AND e.title_key = ? AND e.published BETWEEN ? AND ?");
    nearEntry = statements.get(NEAR_ENTRY);
  }

  /** StoryIdentity asks this first for every entry: the rids of the entry before are forgotten. */
  @Override
  public String storyOfEntry(String sourceId, String entryKey) throws SQLException {
    rids.clear();
    entryStory.setString(1, sourceId);
    entryStory.setString(2, entryKey);
    try (ResultSet row = entryStory.executeQuery()) {
      if (!row.next()) {
        return null;
      }
      knownId = row.getLong(2);
      knownTitleKey = row.getString(3);
      return named(row.getString(1), row.getLong(4));
    }
  }

  /**
   * The key ({@code stories.rid}) of story {@code storyId}, which a lookup for the current entry
   * returned: read with it, so that nothing looks a story up by its public id (not indexed).
   */
  long rid(String storyId) throws SQLException {
    Long rid = rids.get(storyId);
    if (rid == null) {
      throw new SQLException("story " + storyId + " was not named by this entry's lookups");
    }
    return rid;
  }

  private String named(String storyId, long rid) {
    rids.put(storyId, rid);
    return storyId;
  }

  /** The id of the entry the last {@link #storyOfEntry} found. */
  long knownId() {
    return knownId;
  }

  /** The title key stored with the entry the last {@link #storyOfEntry} found, or null. */
  String knownTitleKey() {
    return knownTitleKey;
  }

  @Override
  public String storyWithLink(String canonicalLink) throws SQLException {
    linkStory.setString(1, canonicalLink);
    try (ResultSet row = linkStory.executeQuery()) {
      return row.next() ? named(row.getString(1), row.getLong(2)) : null;
    }
  }

  /**
   * The story of the earliest sighting with this title key published within the dates. The
   * index names the earliest (fetched_at, id) entry whose title posting matches, as the ORDER BY
   * of a query would; its stored row decides. Only when it does not qualify (a hash collision)
   * are all the entries the posting names read, and the earliest that qualifies wins.
   */
  @Override
  public String storyWithTitle(String titleKey, Instant from, Instant to) throws SQLException {
    long[] posting = {TitleBand.of(titleKey)};
    long fromMillis = from.toEpochMilli();
    long toMillis = to.toEpochMilli();
    long[] earliest = near.entries(posting, fromMillis, toMillis, null, 1);
    if (earliest.length == 0) {
      return null;
    }
    TitleSighting first = titleSighting(earliest[0], titleKey, from, to);
    if (first != null) {
      return first.storyId();
    }
    TitleSighting best = null;
    for (long id : near.entries(posting, fromMillis, toMillis)) { // ascending ids
      TitleSighting sighting = titleSighting(id, titleKey, from, to);
      if (sighting != null && (best == null || sighting.fetchedAt() < best.fetchedAt())) {
        best = sighting;
      }
    }
    return best == null ? null : best.storyId();
  }

  private record TitleSighting(String storyId, long fetchedAt) {}

  private TitleSighting titleSighting(long id, String titleKey, Instant from, Instant to)
      throws SQLException {
    titleStory.setLong(1, id);
    titleStory.setString(2, titleKey);
    Jdbc.setInstant(titleStory, 3, from);
    Jdbc.setInstant(titleStory, 4, to);
    try (ResultSet row = titleStory.executeQuery()) {
      return row.next()
          ? new TitleSighting(named(row.getString(1), row.getLong(3)), row.getLong(2)) : null;
    }
  }

  /**
   * Entries sharing a band within the dates, earliest sighting first, at most {@link
   * #MAX_NEAR_CANDIDATES}, less those whose sketch shows they cannot be near. The index names
   * them; each is read back and kept only if its stored date and signature still qualify: the
   * index is a hint, the stored rows decide.
   */
  @Override
  public List<Candidate> nearCandidates(Fingerprint fingerprint, Instant from, Instant to)
      throws SQLException {
    long[] bands = fingerprint.bands();
    long[] ids = near.entries(bands, from.toEpochMilli(), to.toEpochMilli(), fingerprint,
        MAX_NEAR_CANDIDATES);
    if (ids.length == 0) {
      return List.of();
    }
    List<Sighting> sightings = new ArrayList<>(ids.length);
    for (long id : ids) {
      nearEntry.setLong(1, id);
      Jdbc.setInstant(nearEntry, 2, from);
      Jdbc.setInstant(nearEntry, 3, to);
      try (ResultSet row = nearEntry.executeQuery()) {
        if (row.next()) {
          Fingerprint stored = Fingerprint.restore(row.getBytes(2), row.getString(3));
          if (sharesABand(stored.bands(), bands)) {
            sightings.add(new Sighting(row.getLong(4), id,
                new Candidate(named(row.getString(1), row.getLong(5)), stored)));
          }
        }
      }
    }
    sightings.sort(Comparator.comparingLong(Sighting::fetchedAt).thenComparingLong(Sighting::id));
    return sightings.stream().limit(MAX_NEAR_CANDIDATES).map(Sighting::candidate).toList();
  }

  private record Sighting(long fetchedAt, long id, Candidate candidate) {}

  private static boolean sharesABand(long[] stored, long[] wanted) {
    for (long band : stored) {
      for (long other : wanted) {
        if (band == other) {
          return true;
        }
      }
    }
    return false;
  }
}
