package vn.bantin.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.fetch.FetcherTest.assertFailed;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.bantin.model.FailureCode;

/** What a hostile body costs the event loop the fetcher runs on: never a long task. */
class FetcherEventLoopTest extends FetcherTestBase {

  @Test
  void inflatingAGzipBombNeverHoldsTheEventLoop() throws Exception {
    byte[] bomb = FetcherBodyTest.gzip(new byte[64 << 20]); // 64 MiB of zeros, 64 KiB sent
    upstream.on("/bomb", req -> req.response().putHeader("Content-Encoding", "gzip")
        .end(Buffer.buffer(bomb)));
    var settings = FetchSettings.defaults().maxBodyBytes(1 << 20).maxDecodedBytes(32 << 20)
        .deadline(Duration.ofSeconds(20)).build();
    Context loop = vertx.getOrCreateContext();
    CompletableFuture<Fetcher> created = new CompletableFuture<>();
    loop.runOnContext(v -> created.complete(
        new Fetcher(vertx, settings, InstantSource.system(), a -> true)));
    Fetcher fetcher = created.get(5, TimeUnit.SECONDS);
    // A timer on the same event loop: the longest gap between its ticks is the longest task.
    AtomicLong last = new AtomicLong(System.nanoTime());
    AtomicLong longestGap = new AtomicLong();
    long[] timer = new long[1];
    loop.runOnContext(v -> timer[0] = vertx.setPeriodic(5, id -> {
      long now = System.nanoTime();
      longestGap.accumulateAndGet(now - last.getAndSet(now), Math::max);
    }));
    try {
      FetchResult result = get(fetcher, upstream.url("/bomb"));

      assertFailed(result, FailureCode.BODY_TOO_LARGE, 200);
      assertThat(Duration.ofNanos(longestGap.get()).toMillis()).isLessThan(100);
    } finally {
      vertx.cancelTimer(timer[0]);
      fetcher.close();
    }
  }
}
