package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Waits for what a running server does by itself, with a deadline instead of a fixed sleep. */
public final class Eventually {

  private Eventually() {}

  /** Returns once {@code condition} holds, checking every 100 ms; fails after {@code within}. */
  public static void eventually(Duration within, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.call()) {
      assertThat(System.nanoTime()).as("condition not met within %s", within)
          .isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
  }
}
