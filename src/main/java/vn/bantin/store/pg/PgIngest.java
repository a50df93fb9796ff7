package vn.bantin.store.pg;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.bantin.dedup.StoryIdentity;
import vn.bantin.dedup.StoryIdentity.Keys;
import vn.bantin.dedup.StoryIdentity.Match;
import vn.bantin.dedup.StoryIds;
import vn.bantin.model.Entry;
import vn.bantin.model.SourceState;
import vn.bantin.model.Story;
import vn.bantin.store.IngestResult;

/**
 * One poll written inside one transaction: the source's state with its validators, then each
 * entry in feed order (so two entries of one feed can join each other), known, joining a stored
 * story or starting one as {@link StoryIdentity} decides, then the categories of every story
 * that changed. Entries not stored before are decided under {@link PgLocks#STORIES}, so two
 * instances polling the same story at once make one story. One instance per transaction.
 */
final class PgIngest {

  private enum Outcome { NEW, JOINED, KNOWN, EDITED }

  private final SqlConnection c;
  private final SourceState state;
  private final List<Entry> entries;
  private final Instant now;
  private final Function<Story, Set<String>> rules;
  private final WorkerExecutor compute;
  private final Map<Outcome, Integer> counts = new HashMap<>();
  private final Set<String> changed = new LinkedHashSet<>();
  private Map<String, String> known = Map.of();
  private List<Keys> keys = List.of();
  private boolean locked;

  private PgIngest(SqlConnection c, SourceState state, List<Entry> entries, Instant now,
      Function<Story, Set<String>> rules, WorkerExecutor compute) {
    this.c = c;
    this.state = state;
    this.entries = entries;
    this.now = now;
    this.rules = rules;
    this.compute = compute;
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
        .compose(rows -> {
          Map<String, String> stored = new HashMap<>();
          rows.forEach(row -> stored.put(row.getString(0), row.getString(1)));
          known = stored;
          // Keys (and, for entries not stored yet, the fingerprint) are CPU work: off the loop.
          return compute.executeBlocking(() -> keysOf(entries, stored), false);
        })
        .compose(computed -> {
          keys = computed;
          boolean fresh = entries.stream().anyMatch(e -> !known.containsKey(e.key()));
          return fresh ? lock() : Future.<Void>succeededFuture();
        })
        .compose(v -> writeFrom(0))
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

  private Future<Void> writeFrom(int index) {
    if (index == entries.size()) {
      return Future.succeededFuture();
    }
    Entry entry = entries.get(index);
    Keys k = keys.get(index);
    String storyId = known.get(entry.key());
    Future<Void> written = storyId == null ? decide(entry, k)
        : touch(entry, k, storyId).compose(outcome -> outcome.isPresent()
            ? record(outcome.get(), storyId)
            // Pruned since it was looked up: it is a new sighting after all.
            : lock().compose(v -> compute.executeBlocking(k::fingerprint, false))
                .compose(v -> decide(entry, k)));
    return written.compose(v -> writeFrom(index + 1));
  }

  /** An entry not stored before: the lookups, the rule, then the rows. Holds the lock. */
  private Future<Void> decide(Entry entry, Keys k) {
    return PgLookups.fetch(c, entry, k).compose(lookups -> {
      Optional<Match> match = StoryIdentity.match(entry, k, lookups);
      if (match.isPresent() && match.get().rule() == StoryIdentity.Rule.SAME_SOURCE_KEY) {
        String storyId = match.get().storyId();
        return touch(entry, k, storyId)
            .compose(outcome -> record(outcome.orElse(Outcome.KNOWN), storyId));
      }
      if (match.isPresent()) {
        String storyId = match.get().storyId();
        return insertEntry(entry, k, storyId).compose(inserted ->
            record(inserted ? Outcome.JOINED : Outcome.KNOWN, storyId));
      }
      // The id is minted from this very entry, so it exists already only when the entry was
      // removed without its story; joining keeps the published id rather than failing forever.
      String storyId = StoryIds.mint(entry.sourceId(), entry.key());
      return insertStory(entry, storyId).compose(created -> insertEntry(entry, k, storyId)
          .compose(inserted -> record(!inserted ? Outcome.KNOWN
              : created ? Outcome.NEW : Outcome.JOINED, storyId)));
    });
  }

  private Future<Void> lock() {
    if (locked) {
      return Future.succeededFuture();
    }
    locked = true;
    return PgLocks.take(c, PgLocks.STORIES);
  }

  private Future<Void> record(Outcome outcome, String storyId) {
    counts.merge(outcome, 1, Integer::sum);
    if (outcome != Outcome.KNOWN) {
      changed.add(storyId);
    }
    return Future.succeededFuture();
  }

  private int count(Outcome outcome) {
    return counts.getOrDefault(outcome, 0);
  }

  /** Whether a story was created (false: one with this id existed). */
  private Future<Boolean> insertStory(Entry entry, String storyId) {
    return c.preparedQuery("INSERT INTO stories (id, link, title, summary_html, content_html,"
            + " author, published, first_source_id, first_entry_key, created_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING")
        .execute(Tuple.from(Arrays.asList(storyId, entry.link(), entry.title(),
            entry.summaryHtml(), entry.contentHtml(), entry.author(),
            entry.published().toEpochMilli(), entry.sourceId(), entry.key(),
            now.toEpochMilli())))
        .map(result -> result.rowCount() > 0);
  }

  /** Whether the entry was inserted (false: it was stored already). */
  private Future<Boolean> insertEntry(Entry entry, Keys k, String storyId) {
    byte[] signature = k.fingerprint().signatureBytes();
    return c.preparedQuery("INSERT INTO entries (source_id, entry_key, story_id, link,"
            + " canonical_link, title, title_key, published, fetched_at, last_seen, signature,"
            + " marks) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
            + " ON CONFLICT (source_id, entry_key) DO NOTHING")
        .execute(Tuple.from(Arrays.asList(entry.sourceId(), entry.key(), storyId, entry.link(),
            k.canonicalLink(), entry.title(), k.titleKey(), entry.published().toEpochMilli(),
            entry.fetchedAt().toEpochMilli(), entry.fetchedAt().toEpochMilli(),
            signature == null ? null : Buffer.buffer(signature), k.fingerprint().marks())))
        .compose(result -> {
          long[] bands = k.fingerprint().bands();
          if (result.rowCount() == 0 || bands.length == 0) {
            return Future.succeededFuture(result.rowCount() > 0);
          }
          return c.preparedQuery("INSERT INTO entry_bands (band, published, source_id,"
                  + " entry_key) SELECT band, $2, $3, $4 FROM unnest($1::bigint[]) AS band")
              .execute(Tuple.of(Arrays.stream(bands).boxed().toArray(Long[]::new),
                  entry.published().toEpochMilli(), entry.sourceId(), entry.key()))
              .map(true);
        });
  }

  /**
   * Marks a stored entry seen: EDITED when it is its story's first sighting and its text
   * changed, KNOWN otherwise, empty when the entry is no longer stored.
   */
  private Future<Optional<Outcome>> touch(Entry entry, Keys k, String storyId) {
    return c.preparedQuery("UPDATE entries SET last_seen = $1, link = $2, canonical_link = $3,"
            + " title = $4, title_key = $5 WHERE source_id = $6 AND entry_key = $7")
        .execute(Tuple.from(Arrays.asList(entry.fetchedAt().toEpochMilli(), entry.link(),
            k.canonicalLink(), entry.title(), k.titleKey(), entry.sourceId(), entry.key())))
        .compose(seen -> seen.rowCount() == 0 ? Future.succeededFuture(Optional.empty())
            // Only the first sighting's text is shown, so only its edits reach the story.
            : c.preparedQuery("UPDATE stories SET title = $1, summary_html = $2,"
                    + " content_html = $3, author = $4 WHERE id = $5 AND first_source_id = $6"
                    + " AND first_entry_key = $7 AND (title, summary_html, content_html, author)"
                    + " IS DISTINCT FROM ($1, $2, $3, $4)")
                .execute(Tuple.from(Arrays.asList(entry.title(), entry.summaryHtml(),
                    entry.contentHtml(), entry.author(), storyId, entry.sourceId(),
                    entry.key())))
                .map(edit -> Optional.of(edit.rowCount() > 0 ? Outcome.EDITED : Outcome.KNOWN)));
  }
}
