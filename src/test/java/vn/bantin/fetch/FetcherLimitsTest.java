package vn.bantin.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The global and per-host concurrency limits and their queue. */
class FetcherLimitsTest extends FetcherTestBase {

  private static void answerAfter(HttpServerRequest req, long millis) {
    vertx.setTimer(millis, id -> req.response().end("<rss/>"));
  }

  @Test
  void perHostLimitIsRespected() throws Exception {
    upstream.on("/feed", req -> answerAfter(req, 100));
    Fetcher fetcher = fetcher(FetchSettings.defaults().concurrency(8, 2).build());

    List<Future<FetchResult>> all = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      all.add(fetcher.fetch(new FetchRequest(upstream.url("/feed?n=" + i), null, null)));
    }
    for (Future<FetchResult> f : all) {
      assertThat(await(f)).isInstanceOf(FetchResult.Fetched.class);
    }

    assertThat(upstream.requests()).hasSize(6);
    assertThat(upstream.maxConcurrent()).isEqualTo(2);
  }

  @Test
  void globalLimitIsRespectedAcrossHosts() throws Exception {
    upstream.on("/feed", req -> answerAfter(req, 100));
    Fetcher fetcher = fetcher(FetchSettings.defaults().concurrency(3, 3).build());

    List<Future<FetchResult>> all = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      // Two host names for the same upstream: two hosts as far as the limiter knows.
      all.add(fetcher.fetch(new FetchRequest(upstream.url("/feed"), null, null)));
      all.add(fetcher.fetch(new FetchRequest(
          "http://localhost:" + upstream.port() + "/feed", null, null)));
    }
    for (Future<FetchResult> f : all) {
      assertThat(await(f)).isInstanceOf(FetchResult.Fetched.class);
    }

    assertThat(upstream.maxConcurrent()).isEqualTo(3);
  }

  @Test
  void slowHostDoesNotHoldBackAnotherHost() throws Exception {
    List<Promise<Void>> held = new CopyOnWriteArrayList<>();
    AtomicBoolean released = new AtomicBoolean();
    CompletableFuture<Void> arrived = new CompletableFuture<>();
    upstream.on("/hang", req -> {
      Promise<Void> release = Promise.promise();
      release.future().onComplete(v -> req.response().end("<rss/>"));
      held.add(release);
      arrived.complete(null);
      if (released.get()) {
        release.tryComplete();
      }
    });
    upstream.on("/feed", req -> req.response().end("<rss/>"));
    Fetcher fetcher = fetcher(FetchSettings.defaults().concurrency(4, 1).build());
    String slowHost = "http://localhost:" + upstream.port();

    Future<FetchResult> slow1 = fetcher.fetch(new FetchRequest(slowHost + "/hang", null, null));
    Future<FetchResult> slow2 = fetcher.fetch(new FetchRequest(slowHost + "/hang", null, null));
    arrived.get(2, TimeUnit.SECONDS); // the slow host's only slot is taken
    FetchResult fast = get(fetcher, upstream.url("/feed"));

    assertThat(fast).isInstanceOf(FetchResult.Fetched.class);
    assertThat(slow1.isComplete()).isFalse();
    assertThat(slow2.isComplete()).isFalse();
    assertThat(held).hasSize(1); // the second waits in the queue for its host
    released.set(true);
    held.forEach(Promise::tryComplete);
    assertThat(await(slow1)).isInstanceOf(FetchResult.Fetched.class);
    assertThat(await(slow2)).isInstanceOf(FetchResult.Fetched.class);
    assertThat(upstream.maxConcurrent()).isEqualTo(2); // one per host, two hosts
  }

  @Test
  void deadlineStartsWhenAQueuedFetchStarts() throws Exception {
    upstream.on("/first", req -> answerAfter(req, 350));
    upstream.on("/second", req -> answerAfter(req, 300));
    Fetcher fetcher = fetcher(FetchSettings.defaults().concurrency(1, 1)
        .deadline(Duration.ofMillis(500)).build());

    Future<FetchResult> first = fetcher.fetch(new FetchRequest(upstream.url("/first"), null, null));
    Future<FetchResult> second = fetcher.fetch(
        new FetchRequest(upstream.url("/second"), null, null));

    // The second waits ~350 ms and then takes ~300 ms: 650 ms after the call, but within its
    // own 500 ms.
    assertThat(await(first)).isInstanceOf(FetchResult.Fetched.class);
    assertThat(await(second)).isInstanceOf(FetchResult.Fetched.class);
  }
}
