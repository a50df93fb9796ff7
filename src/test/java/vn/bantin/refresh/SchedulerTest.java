package vn.bantin.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.bantin.Eventually;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.Settings;
import vn.bantin.config.SourceConfig;
import vn.bantin.fetch.Fetcher;
import vn.bantin.metrics.Metrics;
import vn.bantin.model.SourceState;
import vn.bantin.normalize.Normalizer;
import vn.bantin.parse.FeedParser;

/** The scheduler's looks for due sources, against leases limited as the shared store's are. */
class SchedulerTest {
  private Vertx vertx;
  private HttpServer upstream;
  private Scheduler scheduler;
  private final LimitedLeases leases = new LimitedLeases();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    // Every source answers 304; "b" after 300 ms, so that its poll is running for a while.
    upstream = await(vertx.createHttpServer().requestHandler(request -> {
      long delay = request.path().equals("/b") ? 300 : 0;
      vertx.setTimer(delay + 1, id -> request.response().setStatusCode(304).end());
    }).listen(0, "127.0.0.1"));
    Settings.Fetch fetch = new Settings.Fetch(Duration.ofSeconds(2), Duration.ofSeconds(5),
        1 << 20, 1 << 22, 5, 4, 2, true, "test");
    Refresher refresher = new Refresher(new Fetcher(vertx, fetch), new FeedParser(64),
        new Normalizer(new Settings.Parse(1, 64, 100, 500, 5000, 100_000)),
        new RefresherTest.FailingStore(), vertx.createSharedWorkerExecutor("test-parse", 1),
        new Settings.Poll(Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(6),
            0.1), RandomGenerator.getDefault(), InstantSource.system(), new Metrics());
    scheduler = new Scheduler(vertx, refresher, leases, outcome -> { });
  }

  @AfterEach
  void stop() throws Exception {
    await(scheduler.stop());
    await(vertx.close());
  }

  /**
   * A poll that ends while another holds the only lease (the shared store's limit; here one)
   * must not end the looking: once that other poll ends, the next due source is leased at once,
   * not at the next one-second tick.
   */
  @Test
  void aLookWithoutRoomLeavesTheNextPollToLookAgain() throws Exception {
    List<SourceConfig> sources = new ArrayList<>();
    for (String id : List.of("a", "b", "c")) {
      sources.add(new SourceConfig(id, id, "http://127.0.0.1:" + upstream.actualPort() + "/" + id,
          List.of(), Duration.ofHours(1), true));
    }
    leases.heldRelease = "a"; // a's release stays in flight until the test lets it end
    scheduler.start(new FeedsConfig(Duration.ofHours(1), sources, List.of()), Map.of());

    // The first tick leases a; the next, a second later, b (a's lease is given back by then,
    // but its poll has not told the scheduler yet).
    Eventually.eventually(Duration.ofSeconds(5), () -> leases.leasedAt.containsKey("b"));
    // Now a's poll ends: there is no room for a look, b being held.
    leases.aReleased.complete();
    Eventually.eventually(Duration.ofSeconds(5), () -> leases.leasedAt.containsKey("c"));

    long afterB = leases.leasedAt.get("c") - leases.releasedAt.get("b");
    assertThat(afterB).as("ms from b's release to c's lease; the next tick would be ~700 ms")
        .isLessThan(350);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Every source due once; at most one lease held, as the shared store's batch limit. */
  private static final class LimitedLeases implements SourceLeases {
    final Map<String, Long> leasedAt = new ConcurrentHashMap<>();
    final Map<String, Long> releasedAt = new ConcurrentHashMap<>();
    final Promise<Void> aReleased = Promise.promise();
    volatile String heldRelease;
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    @Override
    public void restore(Map<String, SourceState> stored) {}

    @Override
    public synchronized Future<List<Lease>> takeDue(List<SourceConfig> sources) {
      List<Lease> taken = new ArrayList<>();
      for (SourceConfig source : sources) {
        if (held.size() + taken.size() >= 1) {
          break;
        }
        if (!leasedAt.containsKey(source.id())) {
          leasedAt.put(source.id(), System.currentTimeMillis());
          taken.add(new Lease(source, SourceState.initial(source.id())));
        }
      }
      taken.forEach(lease -> held.add(lease.source().id()));
      return Future.succeededFuture(taken);
    }

    @Override
    public boolean full() {
      return !held.isEmpty();
    }

    @Override
    public Future<Optional<Lease>> take(SourceConfig source) {
      return Future.succeededFuture(Optional.empty());
    }

    @Override
    public Future<Void> release(Lease lease, SourceState after) {
      String id = lease.source().id();
      held.remove(id);
      releasedAt.put(id, System.currentTimeMillis());
      return id.equals(heldRelease) ? aReleased.future() : Future.succeededFuture();
    }

    @Override
    public void note(SourceState state) {}

    @Override
    public void reset(Set<String> sourceIds) {}

    @Override
    public SourceState state(String sourceId) {
      return SourceState.initial(sourceId);
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }
  }
}
