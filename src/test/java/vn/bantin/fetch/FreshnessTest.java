package vn.bantin.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FreshnessTest {

  private static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");
  private static final String DATE = "Sun, 01 Jun 2025 07:00:00 GMT";

  static Stream<Arguments> headers() {
    return Stream.of(
        Arguments.of("max-age", "public, max-age=900", null, null, Duration.ofMinutes(15)),
        Arguments.of("quoted max-age", "max-age=\"60\"", null, null, Duration.ofMinutes(1)),
        Arguments.of("max-age beats Expires", "max-age=60",
            "Sun, 01 Jun 2025 09:00:00 GMT", DATE, Duration.ofMinutes(1)),
        Arguments.of("s-maxage alone is not ours", "s-maxage=60", null, null, null),
        Arguments.of("Expires minus Date", null, "Sun, 01 Jun 2025 07:10:00 GMT", DATE,
            Duration.ofMinutes(10)),
        Arguments.of("Expires minus now without Date", null, "Sun, 01 Jun 2025 08:05:00 GMT",
            null, Duration.ofMinutes(5)),
        Arguments.of("Expires 0 is expired", null, "0", DATE, Duration.ZERO),
        Arguments.of("Expires in the past", null, "Sun, 01 Jun 2025 06:00:00 GMT", DATE,
            Duration.ZERO),
        Arguments.of("nothing", "no-cache", null, null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headers")
  void readsFreshnessLifetime(String name, String cacheControl, String expires, String date,
      Duration expected) {
    assertThat(Freshness.maxAge(cacheControl, expires, date, NOW)).isEqualTo(expected);
  }
}
