package vn.bantin.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import vn.bantin.dedup.StoryIdentity;
import vn.bantin.dedup.StoryIdentity.Keys;
import vn.bantin.dedup.StoryIdentity.Match;
import vn.bantin.dedup.Fingerprint;
import vn.bantin.dedup.StoryIds;
import vn.bantin.model.Entry;
import vn.bantin.model.SourceState;
import vn.bantin.model.Story;

/**
 * Writes one poll's entries inside the caller's transaction: each entry is known, joins a stored
 * story, or starts a new one, as {@link StoryIdentity} decides. Entries are processed one after
 * another, so two entries of the same feed can join each other. One instance per transaction;
 * its statements come from the writer's {@link StatementCache}.
 */
final class StoryWriter {

  /** All bands of one entry in one statement: one call into SQLite instead of sixteen. */
  private static final String INSERT_BANDS = "INSERT OR IGNORE INTO entry_bands"
      + " (band, published, entry_id) VALUES "
      + String.join(", ", Collections.nCopies(Fingerprint.BANDS, "(?, ?, ?)"));

  private final StatementCache statements;
  private final Instant now;
  private final StoryLookups lookups;
  private final PreparedStatement insertStory;
  private final PreparedStatement insertEntry;
  private final PreparedStatement touchEntry;
  private final PreparedStatement updateFirstSighting;
  private final PreparedStatement insertBands;

  private StoryWriter(StatementCache statements, Instant now) throws SQLException {
    this.statements = statements;
    this.now = now;
    lookups = new StoryLookups(statements);
    insertStory = prepare("INSERT INTO stories (id, link, title, summary_html, content_html,"
        + " author, published, first_source_id, first_entry_key, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING");
    insertEntry = prepare("INSERT INTO entries (source_id, entry_key, story_id, link,"
        + " canonical_link, title, title_key, published, fetched_at, last_seen, signature, marks)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    insertBands = prepare(INSERT_BANDS);
    touchEntry = prepare("UPDATE entries SET last_seen = ?, link = ?, canonical_link = ?,"
        + " title = ?, title_key = ? WHERE source_id = ? AND entry_key = ?");
    // Only the first sighting's text is shown, so only its edits reach the story.
    updateFirstSighting = prepare("UPDATE stories SET title = ?, summary_html = ?,"
        + " content_html = ?, author = ? WHERE id = ? AND first_source_id = ?"
        + " AND first_entry_key = ? AND (title IS NOT ? OR summary_html IS NOT ?"
        + " OR content_html IS NOT ? OR author IS NOT ?)");
  }

  /**
   * Stores {@code state} with its validators and {@code entries}, inside the transaction already
   * open on the connection of {@code statements}.
   *
   * @param keys {@link StoryIdentity#keysOf} each entry, in the same order
   * @param categories the category rules, or {@code null} before {@link Store#categorize}
   * @throws IllegalArgumentException when an entry belongs to another source than {@code state}
   */
  static IngestResult ingest(StatementCache statements, SourceState state, List<Entry> entries,
      List<Keys> keys, Instant now, Function<Story, Set<String>> categories)
      throws SQLException {
    SourceStateDao.save(statements, state, true, now);
    int newStories = 0;
    int joined = 0;
    int known = 0;
    int edited = 0;
    Set<String> touched = new TreeSet<>();
    StoryWriter writer = new StoryWriter(statements, now);
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      if (!entry.sourceId().equals(state.sourceId())) {
        throw new IllegalArgumentException("entry " + entry.key() + " of source "
            + entry.sourceId() + " ingested as " + state.sourceId());
      }
      Written written = writer.write(entry, keys.get(i));
      switch (written.outcome()) {
        case NEW -> newStories++;
        case JOINED -> joined++;
        case KNOWN -> known++;
        case EDITED -> {
          known++;
          edited++;
        }
      }
      if (categories == null || written.outcome() == Outcome.KNOWN) {
        continue;
      }
      touched.addAll(written.outcome() == Outcome.NEW
          ? CategoryMembership.addNew(statements, written.storyId(), entry, categories)
          : CategoryMembership.update(statements, written.storyId(), categories));
    }
    return new IngestResult(newStories, joined, known, edited, touched);
  }

  private enum Outcome { NEW, JOINED, KNOWN, EDITED }

  /** What became of one entry, and the story it belongs to. */
  private record Written(Outcome outcome, String storyId) {}

  private Written write(Entry entry, Keys keys) throws SQLException {
    Optional<Match> match = StoryIdentity.match(entry, keys, lookups);
    if (match.isPresent() && match.get().rule() == StoryIdentity.Rule.SAME_SOURCE_KEY) {
      String storyId = match.get().storyId();
      return new Written(touch(entry, keys, storyId) ? Outcome.EDITED : Outcome.KNOWN, storyId);
    }
    if (match.isPresent()) {
      insertEntry(entry, keys, match.get().storyId());
      return new Written(Outcome.JOINED, match.get().storyId());
    }
    String storyId = StoryIds.mint(entry.sourceId(), entry.key());
    // The id is minted from this very entry, so it can only exist already if the entry was
    // removed without its story; joining keeps the published id rather than failing forever.
    // The insert itself finds out (ON CONFLICT DO NOTHING changes no row), not a lookup first.
    Outcome outcome = insertStory(entry, storyId) ? Outcome.NEW : Outcome.JOINED;
    insertEntry(entry, keys, storyId);
    return new Written(outcome, storyId);
  }

  /** Inserts the story; false, and nothing written, when a story with this id is stored. */
  private boolean insertStory(Entry entry, String storyId) throws SQLException {
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
    return insertStory.executeUpdate() > 0;
  }

  private void insertEntry(Entry entry, Keys keys, String storyId) throws SQLException {
    insertEntry.setString(1, entry.sourceId());
    insertEntry.setString(2, entry.key());
    insertEntry.setString(3, storyId);
    insertEntry.setString(4, entry.link());
    insertEntry.setString(5, keys.canonicalLink());
    insertEntry.setString(6, entry.title());
    insertEntry.setString(7, keys.titleKey());
    Jdbc.setInstant(insertEntry, 8, entry.published());
    Jdbc.setInstant(insertEntry, 9, entry.fetchedAt());
    Jdbc.setInstant(insertEntry, 10, entry.fetchedAt());
    insertEntry.setBytes(11, keys.fingerprint().signatureBytes());
    insertEntry.setString(12, keys.fingerprint().marks());
    long entryId;
    // RETURNING: the new id in the same call (SQLite "RETURNING"), the row written at its first
    // step; closing the result set finishes the statement.
    try (ResultSet id = insertEntry.executeQuery()) {
      id.next();
      entryId = id.getLong(1);
    }
    long[] bands = keys.fingerprint().bands();
    if (bands.length == 0) {
      return;
    }
    for (int b = 0; b < bands.length; b++) {
      insertBands.setLong(3 * b + 1, bands[b]);
      Jdbc.setInstant(insertBands, 3 * b + 2, entry.published());
      insertBands.setLong(3 * b + 3, entryId);
    }
    insertBands.executeUpdate();
  }

  /** Marks a known entry seen; true when it is its story's first sighting and its text changed. */
  private boolean touch(Entry entry, Keys keys, String storyId) throws SQLException {
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
    updateFirstSighting.setString(5, storyId);
    updateFirstSighting.setString(6, entry.sourceId());
    updateFirstSighting.setString(7, entry.key());
    updateFirstSighting.setString(8, entry.title());
    updateFirstSighting.setString(9, entry.summaryHtml());
    updateFirstSighting.setString(10, entry.contentHtml());
    updateFirstSighting.setString(11, entry.author());
    return updateFirstSighting.executeUpdate() > 0;
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    return statements.get(sql);
  }
}
