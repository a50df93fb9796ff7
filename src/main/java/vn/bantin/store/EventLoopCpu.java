package vn.bantin.store;

import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time Vert.x's event loop threads (serving readers, fetching feeds) used since the
 * last call, from the JVM's per-thread CPU clocks. The threads are found by Vert.x's name for
 * them and looked for again at most once a second; a thread counts from the call that first
 * finds it. Not thread-safe: one caller.
 */
final class EventLoopCpu {

  static final String THREAD_NAME_PREFIX = "vert.x-eventloop-thread-";
  private static final long RELIST_NANOS = Duration.ofSeconds(1).toNanos();

  private final ThreadMXBean threads;
  /** CPU nanoseconds of each event loop thread, by id, when last read. */
  private Map<Long, Long> lastCpu = new HashMap<>();
  private long listedAt;
  private boolean listed;

  EventLoopCpu(ThreadMXBean threads) {
    this.threads = threads;
  }

  /** Nanoseconds of CPU the event loop threads used since the last call (0 on the first). */
  long sinceLastCall() {
    long now = System.nanoTime();
    if (!listed || now - listedAt >= RELIST_NANOS) {
      relist();
      listedAt = now;
      listed = true;
    }
    long used = 0;
    for (Map.Entry<Long, Long> thread : lastCpu.entrySet()) {
      long cpu = threads.getThreadCpuTime(thread.getKey());
      if (cpu >= 0) { // -1: the thread has ended
        used += cpu - thread.getValue();
        thread.setValue(cpu);
      }
    }
    return used;
  }

  private void relist() {
    Map<Long, Long> found = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith(THREAD_NAME_PREFIX)) {
        long id = info.getThreadId();
        Long known = lastCpu.get(id);
        long cpu = known != null ? known : threads.getThreadCpuTime(id);
        if (cpu >= 0) {
          found.put(id, cpu);
        }
      }
    }
    lastCpu = found;
  }
}
