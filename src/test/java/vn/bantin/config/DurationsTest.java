package vn.bantin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DurationsTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        argumentSet("seconds", "90s", Duration.ofSeconds(90)),
        argumentSet("minutes", "15m", Duration.ofMinutes(15)),
        argumentSet("hours", "2h", Duration.ofHours(2)),
        argumentSet("days", "7d", Duration.ofDays(7)),
        argumentSet("zero", "0s", Duration.ZERO),
        argumentSet("leading zero", "05m", Duration.ofMinutes(5)),
        argumentSet("nine digits", "999999999d", Duration.ofDays(999_999_999)));
  }

  @ParameterizedTest
  @MethodSource("valid")
  void parsesOneNumberAndOneUnit(String text, Duration expected) {
    assertThat(Durations.parse(text)).isEqualTo(expected);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        argumentSet("empty", ""),
        argumentSet("number without unit", "15"),
        argumentSet("unit without number", "m"),
        argumentSet("fraction", "1.5h"),
        argumentSet("negative", "-5m"),
        argumentSet("space before unit", "15 m"),
        argumentSet("upper-case unit", "15M"),
        argumentSet("weeks are not a unit", "1w"),
        argumentSet("ISO-8601 form", "PT15M"),
        argumentSet("compound", "1h30m"),
        argumentSet("ten digits", "1234567890s"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void refusesAnythingElse(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a duration (write a whole number and s, m, h or d: 90s, 15m, 2h, 7d): '"
            + text + "'");
  }

  static Stream<Arguments> formatted() {
    return Stream.of(
        argumentSet("whole days", Duration.ofDays(7), "7d"),
        argumentSet("whole hours", Duration.ofHours(2), "2h"),
        argumentSet("120 minutes are 2h", Duration.ofMinutes(120), "2h"),
        argumentSet("90 minutes stay minutes", Duration.ofMinutes(90), "90m"),
        argumentSet("90 seconds stay seconds", Duration.ofSeconds(90), "90s"),
        argumentSet("zero", Duration.ZERO, "0s"));
  }

  @ParameterizedTest
  @MethodSource("formatted")
  void formatsWithTheLargestExactUnitAndParsesBack(Duration d, String text) {
    assertThat(Durations.format(d)).isEqualTo(text);
    assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
  }

  static Stream<Arguments> unformattable() {
    return Stream.of(
        argumentSet("negative", Duration.ofSeconds(-1)),
        argumentSet("fraction of a second", Duration.ofMillis(1500)));
  }

  @ParameterizedTest
  @MethodSource("unformattable")
  void refusesToFormatWhatParseCannotRead(Duration d) {
    assertThatThrownBy(() -> Durations.format(d)).isInstanceOf(IllegalArgumentException.class);
  }
}
