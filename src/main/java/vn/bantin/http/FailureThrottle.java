package vn.bantin.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.InstantSource;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Counts failed admin logins per client address in fixed windows: from the first failure, an
 * address may fail {@link #MAX_FAILURES} times within {@link #WINDOW}; after that it is refused
 * for the rest of the window. Memory is bounded: at most {@link #MAX_ADDRESSES} windows are kept
 * and each is forgotten a window after its last failure. Thread-safe.
 */
final class FailureThrottle {
  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(1);
  static final long MAX_ADDRESSES = 10_000;

  /** Failures of one address since {@code startNanos}, on the throttle's clock. */
  private record Window(long startNanos, int failures) {}

  private final InstantSource clock;
  private final Cache<String, Window> windows;

  FailureThrottle(InstantSource clock) {
    this.clock = clock;
    this.windows = Caffeine.newBuilder()
        .ticker(this::nanos)
        .expireAfterWrite(WINDOW)
        .maximumSize(MAX_ADDRESSES)
        // Evict on the calling thread: no background pool, and deterministic in tests.
        .executor(Runnable::run)
        .build();
  }

  /**
   * Seconds until {@code address} may try again (at least 1), or empty when it may try now.
   */
  OptionalLong retryAfter(String address) {
    Window w = windows.getIfPresent(address);
    long now = nanos();
    if (w == null || w.failures() < MAX_FAILURES || now - w.startNanos() >= WINDOW.toNanos()) {
      return OptionalLong.empty();
    }
    long left = w.startNanos() + WINDOW.toNanos() - now;
    return OptionalLong.of(Math.max(1, (left + 999_999_999) / 1_000_000_000));
  }

  /** Counts one failed attempt of {@code address}. */
  void failed(String address) {
    long now = nanos();
    windows.asMap().compute(address, (a, w) ->
        w == null || now - w.startNanos() >= WINDOW.toNanos()
            ? new Window(now, 1)
            : new Window(w.startNanos(), w.failures() + 1));
  }

  /** How many addresses are remembered now (for tests of the bound). */
  long size() {
    windows.cleanUp();
    return windows.estimatedSize();
  }

  private long nanos() {
    return TimeUnit.MILLISECONDS.toNanos(clock.millis());
  }
}
