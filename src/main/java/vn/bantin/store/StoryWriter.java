package vn.bantin.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import vn.bantin.dedup.StoryIdentity;
import vn.bantin.dedup.StoryIdentity.Keys;
import vn.bantin.dedup.StoryIdentity.Match;
import vn.bantin.model.Entry;
import vn.bantin.model.SourceState;
import vn.bantin.model.Story;

/**
 * Writes one poll's entries inside the caller's transaction: each entry is known, joins a stored
 * story, or starts a new one, as {@link StoryIdentity} decides. Entries are processed one after
 * another, so two entries of the same feed can join each other. One instance per transaction;
 * it decides and counts, {@link StoryLookups} reads and {@link StoryRows} writes the rows.
 */
final class StoryWriter {

  private final StoryLookups lookups;
  private final StoryRows rows;

  private StoryWriter(StatementCache statements, NearIndex near, Instant now)
      throws SQLException {
    lookups = new StoryLookups(statements, near);
    rows = new StoryRows(statements, near, now);
  }

  /**
   * Stores {@code state} with its validators and {@code entries}, inside the transaction already
   * open on the connection of {@code statements}, and their bands in {@code near}.
   *
   * @param ahead {@link StoryIdentity#keysOf} each entry, and the categories of new ones, as far
   *     as the keys thread got
   * @param categories the category rules, or {@code null} before {@link Store#categorize}
   * @throws IllegalArgumentException when an entry belongs to another source than {@code state}
   */
  static IngestResult ingest(StatementCache statements, NearIndex near, SourceState state,
      List<Entry> entries, KeysAhead.Batch ahead, Instant now,
      Function<Story, Set<String>> categories) throws SQLException {
    List<Keys> keys = ahead.keys();
    SourceStateDao.save(statements, state, true, now);
    int newStories = 0;
    int joined = 0;
    int known = 0;
    int edited = 0;
    Set<String> touched = new TreeSet<>();
    StoryWriter writer = new StoryWriter(statements, near, now);
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
      if (written.outcome() == Outcome.NEW) {
        Set<String> filed = ahead.filedAhead(i, categories);
        if (filed == null) {
          filed = CategoryMembership.ofNew(written.storyId(), entry, categories);
        }
        touched.addAll(CategoryMembership.addNew(statements, written.rid(), entry, filed));
      } else {
        touched.addAll(CategoryMembership.update(statements, written.rid(), written.storyId(),
            categories));
      }
    }
    return new IngestResult(newStories, joined, known, edited, touched);
  }

  private enum Outcome { NEW, JOINED, KNOWN, EDITED }

  /**
   * What became of one entry, and the story it belongs to: its id, and its key (-1 for a known
   * entry, which files nothing).
   */
  private record Written(Outcome outcome, String storyId, long rid) {}

  private Written write(Entry entry, Keys keys) throws SQLException {
    Optional<Match> match = StoryIdentity.match(entry, keys, lookups);
    if (match.isPresent() && match.get().rule() == StoryIdentity.Rule.SAME_SOURCE_KEY) {
      String storyId = match.get().storyId();
      long rid = lookups.rid(storyId);
      // An edit refiles the story, by its key; a known entry changes nothing to look up.
      return rows.touch(entry, keys, rid, lookups.knownId(), lookups.knownTitleKey())
          ? new Written(Outcome.EDITED, storyId, rid)
          : new Written(Outcome.KNOWN, storyId, -1);
    }
    if (match.isPresent()) {
      long rid = lookups.rid(match.get().storyId());
      rows.insertEntry(entry, keys, rid);
      return new Written(Outcome.JOINED, match.get().storyId(), rid);
    }
    String storyId = keys.newStoryId();
    // The id is minted from this very entry, so it can only exist already if the entry was
    // removed without its story; joining keeps the published id rather than failing forever.
    // The insert itself finds out (ON CONFLICT DO NOTHING changes no row), not a lookup first:
    // stories are unique by first sighting, which the id is minted from.
    long rid = rows.insertStory(entry, storyId);
    Outcome outcome = rid >= 0 ? Outcome.NEW : Outcome.JOINED;
    if (rid < 0) {
      rid = rows.ridOfFirstSighting(entry);
    }
    rows.insertEntry(entry, keys, rid);
    return new Written(outcome, storyId, rid);
  }
}
