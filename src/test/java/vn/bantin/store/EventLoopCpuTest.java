package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.store.StoreFixture.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CPU of Vert.x's event loops counts, a worker's does not. */
class EventLoopCpuTest {

  private static final long SPIN_NANOS = 50_000_000;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    await(vertx.close());
  }

  @Test
  void countsTheCpuAnEventLoopUsedSinceTheLastCallAndNotAWorkers() throws Exception {
    Context loop = vertx.getOrCreateContext();
    assertThat(loop.isEventLoopContext()).isTrue();
    await(spin(loop, 0)); // the loop's thread exists from here on
    EventLoopCpu loops = new EventLoopCpu(THREADS);
    assertThat(loops.sinceLastCall()).isZero();

    await(spin(loop, SPIN_NANOS));
    assertThat(loops.sinceLastCall()).isGreaterThanOrEqualTo(SPIN_NANOS);

    await(vertx.executeBlocking(() -> {
      spinFor(SPIN_NANOS);
      return null;
    }));
    assertThat(loops.sinceLastCall()).isLessThan(SPIN_NANOS / 2);
  }

  /** Keeps {@code context}'s thread on a core for {@code cpuNanos} of its CPU time. */
  private static Future<Void> spin(Context context, long cpuNanos) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      spinFor(cpuNanos);
      done.complete();
    });
    return done.future();
  }

  private static void spinFor(long cpuNanos) {
    long until = THREADS.getCurrentThreadCpuTime() + cpuNanos;
    while (THREADS.getCurrentThreadCpuTime() < until) {
      Thread.onSpinWait();
    }
  }
}
