package vn.bantin.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("1994-11-06T08:49:37Z");

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("delta-seconds", "120", Duration.ofSeconds(120)),
        Arguments.of("zero seconds", "0", Duration.ZERO),
        Arguments.of("padded", "  30 ", Duration.ofSeconds(30)),
        Arguments.of("IMF-fixdate", "Sun, 06 Nov 1994 08:51:37 GMT", Duration.ofMinutes(2)),
        Arguments.of("RFC 850 date", "Sunday, 06-Nov-94 09:49:37 GMT", Duration.ofHours(1)),
        Arguments.of("asctime date", "Sun Nov  6 08:50:37 1994", Duration.ofMinutes(1)),
        Arguments.of("date in the past", "Sat, 05 Nov 1994 08:49:37 GMT", Duration.ZERO),
        Arguments.of("negative seconds", "-5", null),
        Arguments.of("fraction", "1.5", null),
        Arguments.of("garbage", "soon", null),
        Arguments.of("empty", "", null),
        Arguments.of("absent", null, null));
  }

  @ParameterizedTest(name = "{0}: \"{1}\"")
  @MethodSource("values")
  void parsesRetryAfter(String name, String header, Duration expected) {
    assertThat(RetryAfter.parse(header, NOW)).isEqualTo(expected);
  }
}
