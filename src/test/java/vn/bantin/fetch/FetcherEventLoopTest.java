package vn.bantin.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.fetch.FetcherTest.assertFailed;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.bantin.model.FailureCode;

/**
 * What a hostile body costs the event loop the fetcher runs on: never the decoding work. Inflating
 * a bomb to the 32 MB cap costs about 45 ms of CPU; on the event loop (as it was) that is a
 * stall of 130 to 200 ms on an idle machine and seconds on a busy one. Measured as the loop
 * thread's CPU time, which a busy machine cannot inflate.
 */
class FetcherEventLoopTest extends FetcherTestBase {

  @Test
  void inflatingAGzipBombIsNoWorkOfTheEventLoop() throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(threads.isThreadCpuTimeSupported(), "no thread CPU time here");
    byte[] bomb = FetcherBodyTest.gzip(new byte[64 << 20]); // 64 MiB of zeros, 64 KiB sent
    byte[] small = FetcherBodyTest.gzip(new byte[1 << 20]);
    upstream.on("/bomb", req -> req.response().putHeader("Content-Encoding", "gzip")
        .end(Buffer.buffer(bomb)));
    upstream.on("/small", req -> req.response().putHeader("Content-Encoding", "gzip")
        .end(Buffer.buffer(small)));
    var settings = FetchSettings.defaults().maxBodyBytes(1 << 20).maxDecodedBytes(32 << 20)
        .deadline(Duration.ofSeconds(20)).build();
    Context loop = vertx.getOrCreateContext();
    CompletableFuture<Fetcher> created = new CompletableFuture<>();
    CompletableFuture<Thread> loopThread = new CompletableFuture<>();
    loop.runOnContext(v -> {
      loopThread.complete(Thread.currentThread());
      created.complete(new Fetcher(vertx, settings, InstantSource.system(), a -> true));
    });
    Fetcher fetcher = created.get(5, TimeUnit.SECONDS);
    long id = loopThread.get().getId();
    try {
      get(fetcher, upstream.url("/small")); // the first use of the gzip path loads its classes
      // CPU time, not wall time: a busy machine may pause the thread, but not make it work.
      long before = threads.getThreadCpuTime(id);
      FetchResult result = get(fetcher, upstream.url("/bomb"));
      long spent = threads.getThreadCpuTime(id) - before;

      assertFailed(result, FailureCode.BODY_TOO_LARGE, 200);
      System.out.println("FetcherEventLoopTest: event-loop CPU for one gzip bomb "
          + Duration.ofNanos(spent).toMillis() + " ms");
      assertThat(Duration.ofNanos(spent).toMillis()).isLessThan(20);
    } finally {
      fetcher.close();
    }
  }
}
