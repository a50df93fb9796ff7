package vn.bantin.threads;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lowers the scheduling priority of the threads that ingest polled feeds (inflate, parse, dedup
 * keys, the store's writer and checkpoints) to {@link #NICE}, so that on a machine whose cores
 * are all busy the event loops that serve feeds run first and ingest takes what they leave; with
 * a core to spare nothing changes. On two cores that wrk keeps busy, a cached feed kept 0.92x of
 * its requests per second during a changed poll cycle instead of 0.85x, at a p99 of 4.8 ms
 * instead of 7.5 (BENCHMARKS.md, thirteenth round).
 *
 * <p>Linux only, and without privileges: the JVM maps no Java thread priority to the OS unless
 * started with options every deployment would have to carry, so the thread names itself to
 * {@code renice} (util-linux) by its id from {@code /proc/thread-self}, once, at its first
 * background task ({@link #lowered}: Vert.x's worker pools have no hook where a thread starts).
 * Elsewhere, or without {@code renice}, threads keep their priority. A thread a lowered thread
 * starts inherits its niceness, so only threads that do background work are lowered, and the
 * event loops are started before any is ({@code Bantin}).
 */
public final class BackgroundPriority {
  /** The niceness of background threads: weight 110 against an event loop's 1024 (nice 0). */
  public static final int NICE = 10;

  private static final Logger LOG = Logger.getLogger(BackgroundPriority.class.getName());
  private static final Path THREAD_SELF = Path.of("/proc/thread-self");
  private static final ThreadLocal<Boolean> LOWERED = ThreadLocal.withInitial(() -> false);
  /** Set once lowering failed: no /proc, no renice, or renice refused. */
  private static volatile boolean unavailable;

  static {
    if (!Files.isSymbolicLink(THREAD_SELF)) {
      giveUp("no " + THREAD_SELF);
    }
  }

  private BackgroundPriority() {}

  /**
   * {@code pool}, each of whose threads lowers itself ({@link #lowerCurrentThread}) at its first
   * task; close it to close {@code pool}.
   */
  public static WorkerExecutor lowered(WorkerExecutor pool) {
    return new WorkerExecutor() {
      @Override
      public <T> Future<T> executeBlocking(Callable<T> task, boolean ordered) {
        return pool.executeBlocking(() -> {
          lowerCurrentThread();
          return task.call();
        }, ordered);
      }

      @Override
      public Future<Void> close() {
        return pool.close();
      }

      @Override
      public boolean isMetricsEnabled() {
        return pool.isMetricsEnabled();
      }
    };
  }

  /**
   * Lowers the calling thread's priority to {@link #NICE}, never raising it (a bantin started
   * under {@code nice -n 15} stays at 15); after the first call, a no-op.
   */
  public static void lowerCurrentThread() {
    if (unavailable || LOWERED.get()) {
      return;
    }
    LOWERED.set(true);
    try {
      if (currentNice() >= NICE) {
        return; // started lower already (bantin run under nice): never raise it
      }
      // "/proc/thread-self" links to "PID/task/TID".
      String tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
      Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!renice.waitFor(10, TimeUnit.SECONDS)) {
        renice.destroyForcibly();
        giveUp("renice did not end");
      } else if (renice.exitValue() != 0) {
        giveUp("renice exited with " + renice.exitValue());
      }
    } catch (IOException | RuntimeException e) {
      giveUp(String.valueOf(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The calling thread's nice value: field 19 of its stat, after the name in parentheses. */
  private static int currentNice() throws IOException {
    String stat = Files.readString(THREAD_SELF.resolve("stat"));
    return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
  }

  private static void giveUp(String why) {
    unavailable = true;
    LOG.log(Level.INFO, "background threads keep their priority: " + why);
  }
}
