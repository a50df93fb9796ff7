package vn.bantin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {
  private static final String ADMIN = "192.0.2.10";
  private static final String OTHER = "198.51.100.7";

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-24T08:00:00Z"));
  private final InstantSource clock = () -> now.get();
  private final FailureThrottle throttle = new FailureThrottle(clock);

  private void advance(Duration d) {
    now.updateAndGet(t -> t.plus(d));
  }

  private void fail(String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(address);
    }
  }

  @Test
  void fiveFailuresAreAllowedTheSixthAttemptWaitsForTheWindowToFree() {
    fail(ADMIN, 4);
    assertThat(throttle.retryAfter(ADMIN)).isEmpty();
    advance(Duration.ofSeconds(20));
    fail(ADMIN, 1);
    // The window opened at the first failure, 20 s ago: 40 s remain.
    assertThat(throttle.retryAfter(ADMIN)).hasValue(40);
    advance(Duration.ofMillis(39_500));
    assertThat(throttle.retryAfter(ADMIN)).hasValue(1);
    advance(Duration.ofMillis(500));
    assertThat(throttle.retryAfter(ADMIN)).isEmpty();
  }

  @Test
  void aNewWindowStartsWithItsOwnCount() {
    fail(ADMIN, 5);
    advance(FailureThrottle.WINDOW);
    fail(ADMIN, 4);
    assertThat(throttle.retryAfter(ADMIN)).isEmpty();
    fail(ADMIN, 1);
    assertThat(throttle.retryAfter(ADMIN)).hasValue(60);
  }

  @Test
  void failuresOfAnEarlierWindowDoNotCount() {
    fail(ADMIN, 4);
    advance(FailureThrottle.WINDOW);
    fail(ADMIN, 4);
    assertThat(throttle.retryAfter(ADMIN)).isEmpty();
  }

  @Test
  void oneAddressFailingDoesNotBlockAnother() {
    fail(ADMIN, 5);
    assertThat(throttle.retryAfter(ADMIN)).isPresent();
    assertThat(throttle.retryAfter(OTHER)).isEmpty();
  }

  @Test
  void memoryIsBoundedAndForgetsQuietAddresses() {
    for (int i = 0; i < FailureThrottle.MAX_ADDRESSES + 500; i++) {
      throttle.failed("10.0." + (i / 256) + "." + (i % 256));
    }
    assertThat(throttle.size()).isLessThanOrEqualTo(FailureThrottle.MAX_ADDRESSES);
    advance(FailureThrottle.WINDOW.plusSeconds(1));
    assertThat(throttle.size()).isZero();
  }
}
