package vn.bantin.store.pg;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import vn.bantin.store.IngestResult;

/**
 * One poll written inside one transaction: the source's state with its validators; the entries
 * stored before, marked seen in one batch; the others in feed order (so two entries of one feed
 * can join each other), each joining a stored story or starting one as {@link StoryIdentity}
 * decides, under {@link PgLocks#STORIES} so that two instances polling one story at once make
 * one story; then the categories of every story that changed. One instance per transaction.
 */
final class PgIngest {

  private enum Outcome { NEW, JOINED, KNOWN, EDITED }

  private final SqlConnection c;
  private final SourceState state;
  private final List<Entry> entries;
  private final Instant now;
  private final Function<Story, Set<String>> rules;
  private final WorkerExecutor compute;
  private final PgEntryRows rows;
  private final Map<Outcome, Integer> counts = new HashMap<>();
  private final Set<String> changed = new LinkedHashSet<>();
  private Map<String, String> known = Map.of();
  private List<Keys> keys = List.of();

  private PgIngest(SqlConnection c, SourceState state, List<Entry> entries, Instant now,
      Function<Story, Set<String>> rules, WorkerExecutor compute) {
    this.c = c;
    this.state = state;
    this.entries = entries;
    this.now = now;
    this.rules = rules;
    this.compute = compute;
    this.rows = new PgEntryRows(c, now);
  }

  /**
   * Writes {@code state} and {@code entries} in the transaction open on {@code c}.
   *
   * @param rules the category rules, or {@code null} before any were installed
   * @return the outcome; failed with IllegalArgumentException (nothing written) when an entry
   *     belongs to another source than {@code state}
   */
  static Future<IngestResult> run(SqlConnection c, SourceState state, List<Entry> entries,
      Instant now, Function<Story, Set<String>> rules, WorkerExecutor compute) {
    for (Entry entry : entries) {
      if (!entry.sourceId().equals(state.sourceId())) {
        return Future.failedFuture(new IllegalArgumentException("entry " + entry.key()
            + " of source " + entry.sourceId() + " ingested as " + state.sourceId()));
      }
    }
    return new PgIngest(c, state, entries, now, rules, compute).run();
  }

  private Future<IngestResult> run() {
    String[] entryKeys = entries.stream().map(Entry::key).toArray(String[]::new);
    return PgSources.save(c, state, true, now)
        .compose(v -> c.preparedQuery("SELECT entry_key, story_id FROM entries"
            + " WHERE source_id = $1 AND entry_key = ANY($2)")
            .execute(Tuple.of(state.sourceId(), (Object) entryKeys)))
        .compose(stored -> {
          Map<String, String> found = new HashMap<>();
          stored.forEach(row -> found.put(row.getString(0), row.getString(1)));
          known = found;
          // Keys, and the fingerprints of entries not stored yet, are CPU work: off the loop.
          return compute.executeBlocking(() -> keysOf(entries, found), false);
        })
        .compose(computed -> {
          keys = computed;
          return touchKnown();
        })
        .compose(this::decideAll)
        .compose(v -> rules == null ? Future.succeededFuture(Set.<String>of())
            : PgMembership.update(c, changed, rules, compute))
        .map(categories -> new IngestResult(count(Outcome.NEW), count(Outcome.JOINED),
            count(Outcome.KNOWN) + count(Outcome.EDITED), count(Outcome.EDITED), categories));
  }

  private static List<Keys> keysOf(List<Entry> entries, Map<String, String> known) {
    List<Keys> keys = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      Keys k = StoryIdentity.keysOf(entry);
      if (!known.containsKey(entry.key())) {
        k.fingerprint();
      }
      keys.add(k);
    }
    return keys;
  }

  /**
   * Marks the stored entries seen (rule 1 by the primary key, most of a re-poll).
   *
   * @return the positions of the entries left to decide, in feed order, with those no longer
   *     stored (pruned meanwhile): they are new sightings after all
   */
  private Future<TreeSet<Integer>> touchKnown() {
    TreeSet<Integer> fresh = new TreeSet<>();
    List<Integer> stored = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      (known.containsKey(entries.get(i).key()) ? stored : fresh).add(i);
    }
    List<String> stories = stored.stream().map(i -> known.get(entries.get(i).key())).toList();
    return rows.touch(stored.stream().map(entries::get).toList(),
            stored.stream().map(keys::get).toList(), stories)
        .compose(touches -> {
          List<Keys> unfingerprinted = new ArrayList<>();
          for (int j = 0; j < touches.size(); j++) {
            switch (touches.get(j)) {
              case SEEN -> record(Outcome.KNOWN, stories.get(j));
              case EDITED -> record(Outcome.EDITED, stories.get(j));
              case GONE -> {
                fresh.add(stored.get(j));
                unfingerprinted.add(keys.get(stored.get(j)));
              }
            }
          }
          return unfingerprinted.isEmpty() ? Future.succeededFuture(fresh)
              : compute.executeBlocking(() -> {
                unfingerprinted.forEach(Keys::fingerprint);
                return fresh;
              }, false);
        });
  }

  /** Decides the entries at {@code positions} one after another, holding the stories lock. */
  private Future<Void> decideAll(TreeSet<Integer> positions) {
    if (positions.isEmpty()) {
      return Future.succeededFuture();
    }
    Future<Void> done = PgLocks.take(c, PgLocks.STORIES);
    for (int i : positions) {
      done = done.compose(v -> decide(entries.get(i), keys.get(i)));
    }
    return done;
  }

  /** An entry not stored before: the lookups, the rule, then the rows. */
  private Future<Void> decide(Entry entry, Keys k) {
    return PgLookups.fetch(c, entry, k).compose(lookups -> {
      Optional<Match> match = StoryIdentity.match(entry, k, lookups);
      if (match.isPresent() && match.get().rule() == StoryIdentity.Rule.SAME_SOURCE_KEY) {
        // Stored meanwhile by another poll, or earlier in this one.
        String storyId = match.get().storyId();
        return rows.touch(List.of(entry), List.of(k), List.of(storyId)).map(touches -> {
          record(touches.get(0) == PgEntryRows.Touch.EDITED ? Outcome.EDITED : Outcome.KNOWN,
              storyId);
          return null;
        });
      }
      // A new story's id is minted from this very entry, so it exists already only when the
      // entry was removed without its story; joining keeps the published id rather than failing.
      String storyId = match.map(Match::storyId)
          .orElseGet(k::newStoryId);
      return rows.insert(entry, k, storyId, match.isEmpty()).map(done -> {
        record(!done.inserted() ? Outcome.KNOWN
            : done.created() ? Outcome.NEW : Outcome.JOINED, storyId);
        return null;
      });
    });
  }

  private void record(Outcome outcome, String storyId) {
    counts.merge(outcome, 1, Integer::sum);
    if (outcome != Outcome.KNOWN) {
      changed.add(storyId);
    }
  }

  private int count(Outcome outcome) {
    return counts.getOrDefault(outcome, 0);
  }
}
