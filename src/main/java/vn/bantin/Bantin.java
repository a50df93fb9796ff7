package vn.bantin;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.time.InstantSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import vn.bantin.config.ConfigChange;
import vn.bantin.config.ConfigException;
import vn.bantin.config.ConfigService;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.Settings;
import vn.bantin.curate.Categories;
import vn.bantin.fetch.Fetcher;
import vn.bantin.http.Routes;
import vn.bantin.metrics.Metrics;
import vn.bantin.metrics.ServingMetricsFactory;
import vn.bantin.normalize.Normalizer;
import vn.bantin.parse.FeedParser;
import vn.bantin.publish.FeedService;
import vn.bantin.refresh.LocalSourceLeases;
import vn.bantin.refresh.PollOutcome;
import vn.bantin.refresh.RefreshSummary;
import vn.bantin.refresh.Refresher;
import vn.bantin.refresh.Scheduler;
import vn.bantin.refresh.SourceLeases;
import vn.bantin.store.SqliteStore;
import vn.bantin.store.Store;
import vn.bantin.store.pg.PgSourceLeases;
import vn.bantin.store.pg.PgStore;
import vn.bantin.threads.BackgroundPriority;

/**
 * One running bantin: the stages wired together, the scheduler polling and the HTTP server
 * listening. {@link #start} and {@link #stop} are the whole lifecycle; Main and the end-to-end
 * tests both use them.
 */
public final class Bantin {
  private static final Logger LOG = Logger.getLogger(Bantin.class.getName());
  /** How long stopping waits for requests in flight. */
  private static final long SHUTDOWN_GRACE_SECONDS = 10;
  /** Saved versions of feeds.yml kept for history and rollback. */
  private static final int HISTORY_KEPT = 50;

  private final Vertx vertx;
  private final Store store;
  private final Scheduler scheduler;
  private final SourceLeases leases;
  private final Fetcher fetcher;
  private final WorkerExecutor parsePool;
  private final WorkerExecutor renderPool;
  private volatile List<HttpServer> servers = List.of();
  private volatile boolean serving;

  private Bantin(Vertx vertx, Store store, Scheduler scheduler, SourceLeases leases,
      Fetcher fetcher, WorkerExecutor parsePool, WorkerExecutor renderPool) {
    this.vertx = vertx;
    this.store = store;
    this.scheduler = scheduler;
    this.leases = leases;
    this.fetcher = fetcher;
    this.parsePool = parsePool;
    this.renderPool = renderPool;
  }

  /**
   * Reads {@code feedsFile}, opens the store, starts polling and listens for HTTP. Blocks while
   * it reads the configuration; call it from a thread that may block.
   *
   * @param maxEventLoopTime how long an event-loop task may run before Vert.x warns of blocking
   * @throws ConfigException when feeds.yml is invalid (with the shared store, whose versions
   *     are read once it is open, the future fails with it instead)
   */
  public static Future<Bantin> start(Settings settings, Path feedsFile, InstantSource clock,
      Duration maxEventLoopTime) throws ConfigException {
    return start(settings, feedsFile, clock, maxEventLoopTime, PgSourceLeases.LEASE_TIME);
  }

  /** {@link #start}, with leases of the shared store lasting {@code leaseTime} (for tests). */
  static Future<Bantin> start(Settings settings, Path feedsFile, InstantSource clock,
      Duration maxEventLoopTime, Duration leaseTime) throws ConfigException {
    AtomicReference<Consumer<ConfigChange>> applier = new AtomicReference<>(change -> { });
    Consumer<ConfigChange> onChange = change -> applier.get().accept(change);
    boolean shared = !settings.store().url().isEmpty();
    // With the shared store the versions live there, so the service needs the store open.
    ConfigService local = shared ? null : new ConfigService(feedsFile,
        settings.store().dataDir().resolve("config-history"), settings.poll().defaultInterval(),
        HISTORY_KEPT, clock, onChange);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions()
            .setMaxEventLoopExecuteTime(maxEventLoopTime.toNanos())
            .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
                .setJvmMetricsEnabled(true)))
        .withMetrics(new ServingMetricsFactory(registry))
        .build();
    startEventLoops(vertx);
    // Built here, off any worker, so that its fetches run on an event-loop context.
    Fetcher fetcher = new Fetcher(vertx, settings.fetch(), clock);
    return Stores.open(vertx, settings.store(), clock)
        .<Bantin>compose(store -> (local != null ? Future.succeededFuture(local)
                : vertx.executeBlocking(() -> new ConfigService(feedsFile,
                    settings.store().dataDir().resolve("audit.log"),
                    ((PgStore) store).configVersions(HISTORY_KEPT),
                    settings.poll().defaultInterval(), clock, onChange), false))
            .compose(config -> wire(vertx, store, fetcher, settings, config, applier, clock,
                registry, leaseTime)))
        .onFailure(e -> vertx.close());
  }

  /**
   * Starts every event loop thread now, from this thread: Netty starts one when it is first
   * given work, from the thread that gives it, and a thread inherits the niceness of the thread
   * that starts it, so a loop first handed work by a background thread would serve at that
   * thread's lowered priority ({@link BackgroundPriority}). Vert.x 5 has no public handle on
   * its loops; this is its internal one.
   */
  private static void startEventLoops(Vertx vertx) {
    VertxInternal internal = (VertxInternal) vertx;
    internal.nettyEventLoopGroup().forEach(loop -> loop.execute(() -> { }));
    internal.acceptorEventLoopGroup().forEach(loop -> loop.execute(() -> { }));
  }

  private static Future<Bantin> wire(Vertx vertx, Store store, Fetcher fetcher,
      Settings settings, ConfigService config, AtomicReference<Consumer<ConfigChange>> applier,
      InstantSource clock, PrometheusMeterRegistry registry, Duration leaseTime) {
    FeedsConfig feeds = config.config();
    Metrics metrics = new Metrics(registry);
    metrics.configFileInvalid(() -> !config.fileProblems().isEmpty());
    if (store instanceof SqliteStore local) {
      metrics.storeWriterRest(local::writerRestSeconds);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    int parseThreads = settings.parse().poolSize() > 0 ? settings.parse().poolSize() : cores;
    WorkerExecutor parsePool = BackgroundPriority.lowered(
        vertx.createSharedWorkerExecutor("bantin-parse", parseThreads));
    WorkerExecutor renderPool = vertx.createSharedWorkerExecutor("bantin-render",
        settings.serve().renderPoolSize());
    Refresher refresher = new Refresher(fetcher, new FeedParser(settings.parse().maxDepth()),
        new Normalizer(settings.parse()), store, parsePool, settings.poll(),
        RandomGenerator.getDefault(), clock, metrics);
    FeedService feedService = new FeedService(store, renderPool, settings.serve(), clock,
        metrics);
    Categories categories = new Categories(feeds);
    feedService.configure(categories, ConfigApplier.feedUrls(feeds), Set.of());
    if (store instanceof PgStore shared) {
      // Other instances' polls change the categories this one serves.
      shared.onCategoriesChanged(feedService::categoriesChanged, feedService::allChanged);
    }
    // With the shared store each due source is polled by one instance at a time.
    SourceLeases leases = store instanceof PgStore shared
        ? shared.leases(leaseTime, settings.fetch().concurrency())
        : new LocalSourceLeases(clock);
    Scheduler scheduler = new Scheduler(vertx, refresher, leases,
        (PollOutcome outcome) -> feedService.categoriesChanged(outcome.ingest().categories()));
    Bantin bantin = new Bantin(vertx, store, scheduler, leases, fetcher, parsePool, renderPool);
    applier.set(new ConfigApplier(store, scheduler, feedService));
    var router = Routes.create(vertx, settings, feedService, scheduler, store, renderPool,
        registry, config, () -> bantin.serving);
    return store.syncSources(feeds.sources())
        .compose(v -> store.categorize(categories.version(), categories::of))
        .compose(rebuilt -> store.sourceStates())
        .compose(states -> Listeners.listen(vertx, router, settings.http(), cores)
            .map(servers -> {
              bantin.servers = servers;
              HttpServer server = servers.get(0);
              bantin.serving = true;
              scheduler.start(feeds, states);
              Housekeeping.start(vertx, store, config, feedService,
                  settings.store().retention(), clock);
              LOG.info("bantin serving on http://" + settings.http().host() + ":"
                  + server.actualPort() + " with " + feeds.sources().size() + " sources");
              return bantin;
            }));
  }

  /** Polls every enabled source now, joining polls under way (as the admin API's refresh). */
  Future<RefreshSummary> refreshAll() {
    return scheduler.refreshAll();
  }

  /** The port HTTP listens on (useful when the configured port is 0). */
  public int port() {
    return servers.get(0).actualPort();
  }

  /**
   * Stops in order: /health says DOWN, no new polls start, polls in flight finish and are
   * stored, requests in flight are answered, then the store closes.
   */
  public Future<Void> stop() {
    serving = false;
    return scheduler.stop()
        .eventually(() -> Future.join(servers.stream()
            .map(server -> server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS))
            .toList()))
        .eventually(() -> {
          fetcher.close();
          return store.close();
        })
        .eventually(() -> Future.join(parsePool.close(), renderPool.close()))
        .eventually(vertx::close);
  }

  /**
   * Stops at once, as a killed process would: no lease is released and no poll in flight is
   * stored (the store refuses it), so other instances sharing the store take this one's sources
   * only when its leases run out. For tests.
   */
  Future<Void> halt() {
    serving = false;
    leases.close();
    return store.close().eventually(vertx::close);
  }
}
