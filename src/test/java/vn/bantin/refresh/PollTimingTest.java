package vn.bantin.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.bantin.config.Settings;

class PollTimingTest {
  private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
  private static final Duration INTERVAL = Duration.ofMinutes(15);
  private static final Settings.Poll POLL =
      new Settings.Poll(INTERVAL, Duration.ofMinutes(1), Duration.ofHours(6), 0.1);

  /** A generator stuck at one value: 0.5 means no jitter, 0 and 1 the extremes. */
  private static PollTiming timing(double draw) {
    return new PollTiming(POLL, new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public double nextDouble() {
        return draw;
      }
    });
  }

  @ParameterizedTest(name = "failure {0} waits {1} minutes before jitter")
  @CsvSource({"1, 1", "2, 2", "3, 4", "5, 16", "9, 256", "10, 360", "60, 360"})
  void retryDelayDoublesUpToTheMaximum(int failures, long minutes) {
    assertThat(timing(0.5).retryDelay(failures)).isEqualTo(Duration.ofMinutes(minutes));
  }

  @Test
  void successWaitsTheIntervalWithinTheJitter() {
    assertThat(timing(0.5).afterSuccess(NOW, INTERVAL, null)).isEqualTo(NOW.plus(INTERVAL));
    assertThat(timing(0).afterSuccess(NOW, INTERVAL, null))
        .isEqualTo(NOW.plus(Duration.ofSeconds(810)));
    assertThat(timing(1).afterSuccess(NOW, INTERVAL, null))
        .isEqualTo(NOW.plus(Duration.ofSeconds(990)));
  }

  @Test
  void anUpstreamMaxAgeStretchesTheIntervalUpToFourTimes() {
    assertThat(timing(0.5).afterSuccess(NOW, INTERVAL, Duration.ofMinutes(30)))
        .isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    assertThat(timing(0.5).afterSuccess(NOW, INTERVAL, Duration.ofDays(2)))
        .isEqualTo(NOW.plus(Duration.ofMinutes(60)));
    assertThat(timing(0.5).afterSuccess(NOW, INTERVAL, Duration.ofMinutes(1)))
        .isEqualTo(NOW.plus(INTERVAL));
  }

  @Test
  void failuresNeverRetrySoonerThanTheIntervalNorThanRetryAfter() {
    assertThat(timing(0.5).afterFailure(NOW, INTERVAL, 1, null)).isEqualTo(NOW.plus(INTERVAL));
    assertThat(timing(0.5).afterFailure(NOW, INTERVAL, 9, null))
        .isEqualTo(NOW.plus(Duration.ofMinutes(256)));
    assertThat(timing(0.5).afterFailure(NOW, INTERVAL, 1, Duration.ofHours(2)))
        .isEqualTo(NOW.plus(Duration.ofHours(2)));
    assertThat(timing(0.5).afterFailure(NOW, INTERVAL, 1, Duration.ofDays(30)))
        .isEqualTo(NOW.plus(PollTiming.MAX_RETRY_AFTER));
  }
}
