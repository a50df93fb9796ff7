package vn.bantin.fetch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import vn.bantin.config.Settings;

/** One Vert.x and one loopback {@link Upstream} per test class; fetchers closed after each test. */
abstract class FetcherTestBase {

  static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");

  static Vertx vertx;
  static Upstream upstream;
  private final List<Fetcher> fetchers = new ArrayList<>();

  @BeforeAll
  static void startUpstream() throws Exception {
    // A low limit makes Vert.x log any blocking on an event loop.
    vertx = Vertx.vertx(new VertxOptions().setMaxEventLoopExecuteTime(100)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    upstream = new Upstream(vertx);
  }

  @AfterAll
  static void stopUpstream() throws Exception {
    upstream.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @AfterEach
  void closeFetchers() {
    fetchers.forEach(Fetcher::close);
    fetchers.clear();
    upstream.reset();
  }

  Fetcher fetcher(Settings.Fetch settings) {
    Fetcher f = new Fetcher(vertx, settings, InstantSource.fixed(NOW));
    fetchers.add(f);
    return f;
  }

  Fetcher fetcher() {
    return fetcher(FetchSettings.defaults().build());
  }

  static FetchResult await(Future<FetchResult> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  static FetchResult get(Fetcher fetcher, String url) throws Exception {
    return await(fetcher.fetch(new FetchRequest(url, null, null)));
  }

  static long millisSince(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
  }
}
