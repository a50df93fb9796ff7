package vn.bantin.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.bantin.config.Settings;
import vn.bantin.config.SourceConfig;
import vn.bantin.fetch.Fetcher;
import vn.bantin.metrics.Metrics;
import vn.bantin.model.Entry;
import vn.bantin.model.SourceState;
import vn.bantin.model.Story;
import vn.bantin.normalize.Normalizer;
import vn.bantin.parse.FeedParser;
import vn.bantin.store.IngestResult;
import vn.bantin.store.Store;

/** The pipeline of one poll against a loopback upstream and a store that refuses to write. */
class RefresherTest {
  private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
  private static final String RSS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>VOV</title><link>https://vov.vn/</link>
      <item><title>Tin một</title><guid>https://vov.vn/a</guid><link>https://vov.vn/a</link>
      <pubDate>Thu, 26 Nov 2026 01:00:00 GMT</pubDate></item>
      </channel></rss>""";

  private Vertx vertx;
  private HttpServer upstream;
  private final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
  private final FailingStore store = new FailingStore();
  private Refresher refresher;
  private SourceConfig source;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    upstream = await(vertx.createHttpServer().requestHandler(request -> {
      ifNoneMatch.add(String.valueOf(request.getHeader("If-None-Match")));
      if ("\"v1\"".equals(request.getHeader("If-None-Match"))) {
        request.response().setStatusCode(304).end();
        return;
      }
      request.response().putHeader("ETag", "\"v1\"").putHeader("Content-Type", "application/xml")
          .end(RSS);
    }).listen(0, "127.0.0.1"));
    Settings.Fetch fetch = new Settings.Fetch(Duration.ofSeconds(2), Duration.ofSeconds(5),
        1 << 20, 1 << 22, 5, 4, 2, true, "test");
    Settings.Parse parse = new Settings.Parse(1, 64, 100, 500, 5000, 100_000);
    WorkerExecutor pool = vertx.createSharedWorkerExecutor("test-parse", 1);
    InstantSource clock = InstantSource.fixed(NOW);
    refresher = new Refresher(new Fetcher(vertx, fetch), new FeedParser(64), new Normalizer(parse),
        store, pool, new Settings.Poll(Duration.ofMinutes(15), Duration.ofMinutes(1),
            Duration.ofHours(6), 0.1), RandomGenerator.getDefault(), clock, new Metrics());
    source = new SourceConfig("vov", "VOV", "http://127.0.0.1:" + upstream.actualPort() + "/rss",
        List.of(), Duration.ofMinutes(15), true);
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
  }

  @Test
  void aStoreFailureKeepsTheOldValidatorsSoTheNextPollBringsEverythingAgain() throws Exception {
    PollOutcome first = await(refresher.refresh(source, SourceState.initial("vov")));

    assertThat(first.kind()).isEqualTo(PollOutcome.Kind.FAILED);
    assertThat(first.failure().code().id()).isEqualTo("store_failed");
    assertThat(store.saved).singleElement().satisfies(s -> {
      assertThat(s.etag()).isNull();
      assertThat(s.errorCode()).isEqualTo("store_failed");
      assertThat(s.failures()).isEqualTo(1);
    });

    await(refresher.refresh(source, first.state()));
    assertThat(ifNoneMatch).containsExactly("null", "null");
  }

  @Test
  void aSuccessfulPollWritesTheValidatorsWithItsEntries() throws Exception {
    store.failIngest = false;
    PollOutcome first = await(refresher.refresh(source, SourceState.initial("vov")));

    assertThat(first.kind()).isEqualTo(PollOutcome.Kind.FETCHED);
    assertThat(store.ingested).singleElement().satisfies(s -> {
      assertThat(s.etag()).isEqualTo("\"v1\"");
      assertThat(s.lastStatus()).isEqualTo(200);
      assertThat(s.nextPoll()).isAfter(NOW.plus(Duration.ofMinutes(13)));
    });
    await(refresher.refresh(source, first.state()));
    assertThat(ifNoneMatch).containsExactly("null", "\"v1\"");
  }

  @Test
  void aNotModifiedPollEndsWithItsStateStored() throws Exception {
    store.failIngest = false;
    PollOutcome first = await(refresher.refresh(source, SourceState.initial("vov")));

    PollOutcome second = await(refresher.refresh(source, first.state()));

    assertThat(second.kind()).isEqualTo(PollOutcome.Kind.NOT_MODIFIED);
    assertThat(store.saved).singleElement().satisfies(s -> {
      assertThat(s).isEqualTo(second.state());
      assertThat(s.lastStatus()).isEqualTo(304);
      assertThat(s.failures()).isZero();
    });
  }

  /** The PostgreSQL store leaves such a poll to the lease's release: one write, not two. */
  @Test
  void aNotModifiedAfterANotModifiedIsStoredAsTimesOnly() throws Exception {
    store.failIngest = false;
    PollOutcome first = await(refresher.refresh(source, SourceState.initial("vov")));
    PollOutcome second = await(refresher.refresh(source, first.state()));

    PollOutcome third = await(refresher.refresh(source, second.state()));

    assertThat(third.kind()).isEqualTo(PollOutcome.Kind.NOT_MODIFIED);
    assertThat(store.saved).containsExactly(second.state());
    assertThat(store.times).containsExactly(third.state());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Records what it is asked to write; its ingest fails unless told otherwise. */
  static final class FailingStore implements Store {
    final List<SourceState> saved = new CopyOnWriteArrayList<>();
    final List<SourceState> ingested = new CopyOnWriteArrayList<>();
    final List<SourceState> times = new CopyOnWriteArrayList<>();
    volatile boolean failIngest = true;

    @Override
    public Future<IngestResult> ingest(SourceState state, List<Entry> entries) {
      if (failIngest) {
        return Future.failedFuture(new java.sql.SQLException("disk I/O error"));
      }
      ingested.add(state);
      return Future.succeededFuture(new IngestResult(entries.size(), 0, 0, 0, Set.of()));
    }

    @Override
    public Future<Void> savePollState(SourceState state) {
      saved.add(state);
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> savePollTimes(SourceState state) {
      times.add(state);
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> syncSources(List<SourceConfig> sources) {
      return Future.succeededFuture();
    }

    @Override
    public Future<Map<String, SourceState>> sourceStates() {
      return Future.succeededFuture(Map.of());
    }

    @Override
    public Future<Boolean> categorize(String version,
        java.util.function.Function<Story, Set<String>> rules) {
      return Future.succeededFuture(false);
    }

    @Override
    public Future<List<Story>> stories(String categoryId, int limit, Instant since) {
      return Future.succeededFuture(List.of());
    }

    @Override
    public Future<Map<String, Long>> entryCounts() {
      return Future.succeededFuture(Map.of());
    }

    @Override
    public Future<Integer> prune(Instant cutoff) {
      return Future.succeededFuture(0);
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }
  }
}
