package vn.bantin.store.pg;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import vn.bantin.config.SourceConfig;
import vn.bantin.model.Entry;
import vn.bantin.model.SourceState;
import vn.bantin.model.Story;
import vn.bantin.store.IngestResult;
import vn.bantin.store.Store;

/**
 * The {@link Store} that several bantin instances share: one PostgreSQL database, reached through
 * Vert.x's reactive client, so no call blocks a thread. Every instance may write at any time;
 * unique keys and {@link PgLocks advisory locks} in the database, not memory, make one story of
 * one piece of news however many instances see it at once, and {@link PgChanges notices} tell
 * every instance which categories another one changed. Futures complete on the caller's Vert.x
 * context.
 */
public final class PgStore implements Store {

  private final Vertx vertx;
  /** Writes and reads on separate connections, and the compute pool. */
  private final PgPools pools;
  private final PgChanges changes;
  private final InstantSource clock;
  private final InFlight inFlight = new InFlight();
  private Future<Void> closing;
  private volatile Function<Story, Set<String>> categories;

  private PgStore(Vertx vertx, PgPools pools, PgChanges changes, InstantSource clock) {
    this.vertx = vertx;
    this.pools = pools;
    this.changes = changes;
    this.clock = clock;
  }

  /**
   * Connects to the database at {@code url} and brings its schema up to date, safely when
   * several instances start at once, and listens for other instances' changes.
   *
   * @param url {@code postgresql://user:password@host:port/database} ({@code postgres://} and
   *     {@code jdbc:postgresql://} work too)
   * @param readConnections the most connections open for reads, at least 1
   * @param writeConnections the most connections open for writes, at least 1
   * @param clock the time stamped on stories and source states
   * @return the store; failed when the URL is malformed or the database cannot be reached or
   *     migrated
   */
  public static Future<PgStore> open(Vertx vertx, String url, int readConnections,
      int writeConnections, InstantSource clock) {
    PgConnectOptions options;
    try {
      options = PgPools.connectOptions(url);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    if (readConnections < 1 || writeConnections < 1) {
      return Future.failedFuture(new IllegalArgumentException("connections < 1"));
    }
    PgPools pools = PgPools.create(vertx, options, readConnections, writeConnections);
    return PgMigrations.apply(pools.writes(), clock)
        .compose(applied -> PgChanges.listen(vertx, options))
        .map(changes -> new PgStore(vertx, pools, changes, clock))
        .onFailure(e -> pools.close());
  }

  /**
   * Where to hear of categories whose stories changed by another instance's write (or by this
   * store's {@link #prune}, which no caller learns of otherwise), about as soon as that write
   * commits. This store's own ingests and rebuilds are not reported: their callers know.
   *
   * @param changed receives the changed category ids; may run on any thread
   * @param everything runs when any category may have changed: every membership was rebuilt,
   *     or notices may have been missed while the listening connection was down; any thread
   */
  public void onCategoriesChanged(Consumer<Set<String>> changed, Runnable everything) {
    changes.listener(changed, everything);
  }

  /**
   * Leases of due sources for this instance, under a new random holder id: each due source is
   * polled by one instance at a time (see {@link PgSourceLeases}). Close them before the store.
   *
   * @param leaseTime how long a lease lasts unless renewed ({@link PgSourceLeases#LEASE_TIME})
   * @param batch the most sources leased at once, at least 1
   */
  public PgSourceLeases leases(Duration leaseTime, int batch) {
    return new PgSourceLeases(vertx, pools.writes(), UUID.randomUUID().toString(), leaseTime,
        batch, clock);
  }

  /**
   * The saved versions of feeds.yml in this store, shared by every instance; blocking calls
   * (see {@link PgConfigVersions}).
   *
   * @param keep how many versions are kept
   */
  public PgConfigVersions configVersions(int keep) {
    return new PgConfigVersions(pools.writes(), keep);
  }

  /**
   * Where to hear that an instance (this one too) saved a configuration version, and that
   * listening started again after the connection dropped, when one may have been missed.
   *
   * @param saved runs on any thread; it should look for the newest version
   */
  public void onConfigSaved(Runnable saved) {
    changes.configListener(saved);
  }

  @Override
  public Future<Void> syncSources(List<SourceConfig> sources) {
    List<SourceConfig> copy = sources.stream().map(NulFree::source).toList();
    return run(() -> pools.writes().withTransaction(c -> PgSources.sync(c, copy)));
  }

  @Override
  public Future<Map<String, SourceState>> sourceStates() {
    return run(() -> PgSources.all(pools.reads()));
  }

  @Override
  public Future<IngestResult> ingest(SourceState state, List<Entry> entries) {
    List<Entry> copy = entries.stream().map(NulFree::entry).toList();
    SourceState clean = NulFree.state(state);
    Function<Story, Set<String>> rules = categories;
    return run(() -> Retry.transaction(pools.writes(),
        c -> PgIngest.run(c, clean, copy, clock.instant(), rules, pools.compute())
            .compose(result -> changes.announce(c, result.categories()).map(result))));
  }

  @Override
  public Future<Void> savePollState(SourceState state) {
    return run(() -> PgSources.save(pools.writes(), NulFree.state(state), false,
        clock.instant()));
  }

  /**
   * Writes nothing: the release of the poll's lease writes these times ({@link
   * PgSourceLeases#release}), one statement where there were two.
   */
  @Override
  public Future<Void> savePollTimes(SourceState state) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Boolean> categorize(String version, Function<Story, Set<String>> rules) {
    categories = rules;
    return run(() -> Retry.transaction(pools.writes(), c -> PgLocks.take(c, PgLocks.STORIES)
        .compose(v -> PgMembership.rebuild(c, version, rules, pools.compute()))
        .compose(rebuilt -> rebuilt ? changes.announceEverything(c).map(true)
            : Future.succeededFuture(false))));
  }

  @Override
  public Future<List<Story>> stories(String categoryId, int limit, Instant since) {
    if (limit < 0) {
      return Future.failedFuture(new IllegalArgumentException("limit < 0"));
    }
    return run(() -> PgStories.inCategory(pools.reads(), categoryId, limit, since));
  }

  @Override
  public Future<Map<String, Long>> entryCounts() {
    return run(() -> PgSources.entryCounts(pools.reads()));
  }

  @Override
  public Future<Integer> prune(Instant cutoff) {
    return run(() -> Retry.transaction(pools.writes(), (SqlConnection c) -> PgPrune.run(c, cutoff)
            .compose(pruned -> changes.announce(c, pruned.categories()).map(pruned)))
        .map(pruned -> {
          changes.deliverHere(pruned.categories());
          return pruned.count();
        }));
  }

  /** The server process listening for notices, or -1 while reconnecting (for tests). */
  int listeningProcessId() {
    return changes.listeningProcessId();
  }

  /** Completes after every call made before it; later calls fail with IllegalStateException. */
  @Override
  public synchronized Future<Void> close() {
    if (closing == null) {
      closing = inFlight.close()
          .eventually(() -> Future.join(changes.close(), pools.close()))
          .mapEmpty();
    }
    return closing;
  }

  private <T> Future<T> run(Supplier<Future<T>> work) {
    return inFlight.track(work);
  }
}
