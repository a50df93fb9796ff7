package vn.bantin.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.bantin.config.CategoryConfig;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.Settings;
import vn.bantin.config.SourceConfig;
import vn.bantin.curate.Categories;
import vn.bantin.curate.Category;
import vn.bantin.metrics.Metrics;
import vn.bantin.model.Entry;
import vn.bantin.model.SourceState;
import vn.bantin.model.Story;
import vn.bantin.store.IngestResult;
import vn.bantin.store.Store;

/** Renderings are built once per content version, and a build in progress never queues readers. */
class FeedServiceTest {
  private static final Instant NOW = Instant.parse("2025-03-05T09:00:00Z");

  private final SlowStore store = new SlowStore();
  private Vertx vertx;
  private WorkerExecutor pool;
  private FeedService feeds;
  private Category category;
  private Context context;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    pool = vertx.createSharedWorkerExecutor("render-test", 1);
    context = vertx.getOrCreateContext();
    feeds = new FeedService(store, pool,
        new Settings.Serve(1, 100, Duration.ofMinutes(1), Duration.ofMinutes(1)),
        InstantSource.fixed(NOW), new Metrics());
    var source = new SourceConfig("vov", "VOV", "https://vov.vn/rss/a.rss", List.of(),
        Duration.ofHours(1), true);
    var categoryConfig = new CategoryConfig("dang", "Đảng", "", List.of("vov"), List.of(),
        List.of(), List.of(), null, 50);
    Categories categories =
        new Categories(new FeedsConfig(Duration.ofHours(1), List.of(source), List.of(categoryConfig)));
    feeds.configure(categories, id -> null, Set.of());
    category = categories.find("dang").orElseThrow();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void whileANewVersionBuildsLaterRequestsGetThePreviousOneAtOnce() throws Exception {
    store.answerNext(List.of(StoryFixtures.MERGED));
    Rendering first = await(feeds.rendering(category, Format.RSS, 50, "http://b", context));

    feeds.categoriesChanged(Set.of("dang"));
    Promise<List<Story>> slowRead = store.holdNext();
    Future<Rendering> starter = feeds.rendering(category, Format.RSS, 50, "http://b", context);
    assertThat(starter.isComplete()).as("the request that starts a build waits for it").isFalse();

    Rendering meanwhile = await(feeds.rendering(category, Format.RSS, 50, "http://b", context));
    assertThat(meanwhile.etag()).as("a request during the build").isEqualTo(first.etag());
    assertThat(feeds.renderingIfReady(category, Format.RSS, 50, "http://b"))
        .as("the event-loop fast path during the build").isSameAs(meanwhile);

    slowRead.complete(List.of(StoryFixtures.MERGED, StoryFixtures.TRICKY_HTML));
    Rendering fresh = await(starter);
    assertThat(fresh.etag()).isNotEqualTo(first.etag());
    assertThat(feeds.renderingIfReady(category, Format.RSS, 50, "http://b")).isSameAs(fresh);
  }

  @Test
  void whenTheStoreFailsAfterAChangeTheLastRenderingIsServedAndTheNextRequestTriesAgain()
      throws Exception {
    store.answerNext(List.of(StoryFixtures.MERGED));
    Rendering first = await(feeds.rendering(category, Format.JSON, 50, "http://b", context));

    feeds.categoriesChanged(Set.of("dang"));
    store.holdNext().fail(new IllegalStateException("database unreachable"));
    Rendering meanwhile = await(feeds.rendering(category, Format.JSON, 50, "http://b", context));
    assertThat(meanwhile).isSameAs(first);

    Promise<List<Story>> back = store.holdNext();
    back.complete(List.of(StoryFixtures.MERGED, StoryFixtures.TRICKY_HTML));
    Rendering fresh = await(feeds.rendering(category, Format.JSON, 50, "http://b", context));
    assertThat(fresh.etag()).isNotEqualTo(first.etag());
    assertThat(store.reads).isEqualTo(3);
  }

  @Test
  void whenNothingWasBuiltAFailedReadFailsTheRequest() {
    store.holdNext().fail(new IllegalStateException("database unreachable"));
    assertThatThrownBy(() -> await(feeds.rendering(category, Format.HTML, 50, "http://b",
        context))).hasRootCauseMessage("database unreachable");
  }

  @Test
  void withNothingBuiltBeforeEveryRequestWaitsForTheFirstBuild() throws Exception {
    Promise<List<Story>> slowRead = store.holdNext();
    Future<Rendering> first = feeds.rendering(category, Format.ATOM, 50, "http://b", context);
    Future<Rendering> second = feeds.rendering(category, Format.ATOM, 50, "http://b", context);
    assertThat(feeds.renderingIfReady(category, Format.ATOM, 50, "http://b")).isNull();
    assertThat(second.isComplete()).isFalse();

    slowRead.complete(List.of(StoryFixtures.MERGED));
    assertThat(await(second).etag()).isEqualTo(await(first).etag());
    assertThat(store.reads).as("one read for both").isEqualTo(1);
  }

  private static Rendering await(Future<Rendering> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  /** Answers {@link #stories} with what the test says, when the test says. */
  private static final class SlowStore implements Store {
    private final ConcurrentLinkedQueue<Promise<List<Story>>> answers =
        new ConcurrentLinkedQueue<>();
    volatile int reads;

    void answerNext(List<Story> stories) {
      answers.add(Promise.promise());
      answers.peek().complete(stories);
    }

    Promise<List<Story>> holdNext() {
      Promise<List<Story>> p = Promise.promise();
      answers.add(p);
      return p;
    }

    @Override
    public Future<List<Story>> stories(String categoryId, int limit, Instant since) {
      reads++;
      return answers.remove().future();
    }

    @Override
    public Future<Void> syncSources(List<SourceConfig> sources) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Map<String, SourceState>> sourceStates() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<IngestResult> ingest(SourceState state, List<Entry> entries) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> savePollState(SourceState state) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Boolean> categorize(String version, Function<Story, Set<String>> rules) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Map<String, Long>> entryCounts() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Integer> prune(Instant cutoff) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }
  }
}
