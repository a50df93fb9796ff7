package vn.bantin.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import vn.bantin.config.Settings;

/**
 * When a source is due next: its interval after a success (longer when the upstream says its
 * content stays fresh longer), exponential back-off after failures, never sooner than a
 * {@code Retry-After}, all with jitter so sources polled together drift apart.
 */
final class PollTiming {
  /** The longest wait a Retry-After may impose (RFC 9110 §10.2.3 sets no limit; we do). */
  static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);
  /** An upstream's max-age may stretch the interval up to this factor, not more. */
  private static final int MAX_AGE_STRETCH = 4;

  private final Settings.Poll poll;
  private final RandomGenerator random;

  PollTiming(Settings.Poll poll, RandomGenerator random) {
    this.poll = poll;
    this.random = random;
  }

  /** After a 200 or 304; {@code maxAge} may be {@code null}. */
  Instant afterSuccess(Instant now, Duration interval, Duration maxAge) {
    Duration delay = interval;
    if (maxAge != null && maxAge.compareTo(interval) > 0) {
      Duration stretched = interval.multipliedBy(MAX_AGE_STRETCH);
      delay = maxAge.compareTo(stretched) < 0 ? maxAge : stretched;
    }
    return now.plus(jittered(delay));
  }

  /** After the {@code failures}-th consecutive failure; {@code retryAfter} may be {@code null}. */
  Instant afterFailure(Instant now, Duration interval, int failures, Duration retryAfter) {
    Duration delay = retryDelay(failures);
    if (delay.compareTo(interval) < 0) {
      delay = interval;
    }
    Duration jittered = jittered(delay);
    if (retryAfter != null) {
      Duration asked = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
      if (asked.compareTo(jittered) > 0) {
        return now.plus(asked);
      }
    }
    return now.plus(jittered);
  }

  /** base × 2^(failures−1), capped at the configured maximum. */
  Duration retryDelay(int failures) {
    int doublings = Math.min(Math.max(failures - 1, 0), 30);
    Duration delay = poll.backoffBase().multipliedBy(1L << doublings);
    return delay.compareTo(poll.backoffMax()) > 0 ? poll.backoffMax() : delay;
  }

  private Duration jittered(Duration delay) {
    double factor = 1 + poll.jitter() * (2 * random.nextDouble() - 1);
    return Duration.ofMillis(Math.max(1000, Math.round(delay.toMillis() * factor)));
  }
}
