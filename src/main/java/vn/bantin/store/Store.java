package vn.bantin.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.bantin.config.SourceConfig;
import vn.bantin.model.Entry;
import vn.bantin.model.SourceState;
import vn.bantin.model.Story;

/**
 * Where entries, stories and source state live. Every method may be called from any thread,
 * never blocks the caller, and completes its future on a Vert.x context. Implementations: {@link
 * SqliteStore} (one machine) and {@link vn.bantin.store.pg.PgStore} (many instances sharing one
 * PostgreSQL database); both pass the one contract test suite ({@code StoreContractTest}).
 */
public interface Store {

  /** Records the configured sources (id, title, url) so stories can name them. */
  Future<Void> syncSources(List<SourceConfig> sources);

  /** The stored state of every source ever polled, by source id. */
  Future<Map<String, SourceState>> sourceStates();

  /**
   * Stores one successful poll in one transaction: the entries, the stories they make or join,
   * and the source's new state including its validators. When it fails nothing is written, so
   * the validators stay where they were and the next poll brings the same entries again.
   */
  Future<IngestResult> ingest(SourceState state, List<Entry> entries);

  /**
   * Stores a poll that brought no entries (304, failure): everything of {@code state} except the
   * validators ({@code etag}, {@code lastModified}), which only {@link #ingest} writes. A store
   * may write a state whose only news is when the source was polled and is due next a few
   * seconds late (and lose those times in a crash); {@link #sourceStates} includes it at once.
   */
  Future<Void> savePollState(SourceState state);

  /**
   * Stores a poll that brought nothing new: {@code state} is the state the poll started from
   * ({@link SourceState#sameButTimes}) polled again. The SQLite store holds such times and writes
   * them together within seconds (as {@link #savePollState} does); the PostgreSQL store writes
   * nothing here, as releasing the poll's lease writes the same times in the statement that
   * gives the lease back.
   */
  default Future<Void> savePollTimes(SourceState state) {
    return savePollState(state);
  }

  /**
   * Installs the category rules: from now on every story written is filed under the categories
   * {@code rules} gives it. When {@code version} differs from the rules the stored memberships
   * were built with, they are all rebuilt first.
   *
   * @param version a digest of the rules; equal digests mean equal rules
   * @param rules the categories of a story (its first sighting's text, every source's id),
   *     age limits aside; pure and thread-safe
   * @return whether the memberships were rebuilt
   */
  Future<Boolean> categorize(String version, Function<Story, Set<String>> rules);

  /**
   * The newest stories of a category, newest first by published date, each listing its sources
   * (first sighting first).
   *
   * @param since only stories published at or after this, or {@code null}
   */
  Future<List<Story>> stories(String categoryId, int limit, Instant since);

  /** How many entries each source has stored, by source id. */
  Future<Map<String, Long>> entryCounts();

  /** Deletes stories published before {@code cutoff} that no source has carried since; returns
   * how many. */
  Future<Integer> prune(Instant cutoff);

  /** Finishes writes in flight and releases the store. */
  Future<Void> close();
}
