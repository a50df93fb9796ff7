package vn.bantin.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * How long the store writer rests between write groups so that readers come first. When the
 * event loops were busy serving (at least {@link #BUSY_LOOPS} of a core over the last tenth of a
 * second) and the writer's last group had to wait for a core (it ran for less than {@link
 * #ON_CORE} of its time), the writer rests {@link #REST_PER_GROUP} times as long as that group
 * took before it starts the next. Ingest then has at most a fifth of the writer's time, and the
 * parsing and keys work behind it is held back with it by the refresh's ingest gate: a changed
 * poll cycle takes longer and its stories reach the feeds seconds later, while the readers keep
 * their cores. With cores to spare, or no readers, the writer never rests. (wrk filling 2 cores
 * during a changed cycle: 0.81x of the requests per second it served alone, 0.57x without the
 * rests; BENCHMARKS.md, twelfth round.)
 *
 * <p>Used by the writer thread only.
 */
final class ReadersFirst {

  /** The event loops' CPU, in cores, from which readers count as busy. */
  static final double BUSY_LOOPS = 0.25;
  /** The share of a group's time the writer ran on a core, under which it waited for one. */
  static final double ON_CORE = 0.75;
  /** Rest after a group that waited, as a multiple of the group's time. */
  static final int REST_PER_GROUP = 4;
  static final long MAX_REST_NANOS = Duration.ofSeconds(1).toNanos();
  /** How often the event loops' CPU is read again. */
  static final long WINDOW_NANOS = Duration.ofMillis(100).toNanos();

  private final LongSupplier wall;
  private final LongSupplier writerCpu;
  private final LongSupplier loopsCpuSinceLastCall;
  private final LongConsumer rest;
  private long groupStart;
  private long groupStartCpu;
  private long restUntil;
  private long windowStart;
  private boolean loopsBusy;
  /** Written by the writer thread only, read by metrics. */
  private volatile long restedNanos;

  /**
   * @param wall nanosecond ticks ({@code System::nanoTime})
   * @param writerCpu the calling thread's CPU time in nanoseconds, -1 when unknown
   * @param loopsCpuSinceLastCall the event loops' CPU time, in nanoseconds, since the last call
   * @param rest parks the calling thread for the given nanoseconds
   */
  ReadersFirst(LongSupplier wall, LongSupplier writerCpu, LongSupplier loopsCpuSinceLastCall,
      LongConsumer rest) {
    this.wall = wall;
    this.writerCpu = writerCpu;
    this.loopsCpuSinceLastCall = loopsCpuSinceLastCall;
    this.rest = rest;
    this.windowStart = wall.getAsLong();
    this.restUntil = windowStart;
  }

  /** Reads this JVM's clocks and Vert.x's event loop threads; never rests without them. */
  static ReadersFirst ofThisJvm() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isCurrentThreadCpuTimeSupported() || !threads.isThreadCpuTimeSupported()) {
      return never();
    }
    return new ReadersFirst(System::nanoTime, threads::getCurrentThreadCpuTime,
        new EventLoopCpu(threads)::sinceLastCall, LockSupport::parkNanos);
  }

  /** Never rests: for a store without readers to give way to, and for tests. */
  static ReadersFirst never() {
    return new ReadersFirst(System::nanoTime, () -> -1, () -> 0, nanos -> { });
  }

  /** Before a group: rests for whatever is left of the rest the last group earned. */
  void awaitTurn() {
    long now = wall.getAsLong();
    long left = restUntil - now; // ticks of System.nanoTime compare by difference only
    if (left > 0) {
      rest.accept(left);
      long rested = wall.getAsLong();
      restedNanos += rested - now; // only the writer thread writes it
      now = rested;
    }
    groupStart = now;
    groupStartCpu = writerCpu.getAsLong();
  }

  /** Nanoseconds rested so far; any thread. */
  long restedNanos() {
    return restedNanos;
  }

  /** After a group: works out the rest it earned. */
  void groupDone() {
    long end = wall.getAsLong();
    long took = end - groupStart;
    long cpu = writerCpu.getAsLong() - groupStartCpu;
    boolean waited = groupStartCpu >= 0 && cpu < ON_CORE * took;
    restUntil = waited && loopsBusy(end) ? end + Math.min(MAX_REST_NANOS, REST_PER_GROUP * took)
        : end;
  }

  private boolean loopsBusy(long now) {
    long elapsed = now - windowStart;
    if (elapsed >= WINDOW_NANOS) {
      loopsBusy = loopsCpuSinceLastCall.getAsLong() >= BUSY_LOOPS * elapsed;
      windowStart = now;
    }
    return loopsBusy;
  }
}
