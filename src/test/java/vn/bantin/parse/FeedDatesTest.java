package vn.bantin.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.impl.DateParser;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FeedDatesTest {

  private static Arguments date(String name, String text, String expected) {
    return Arguments.of(Named.of(name + ": " + text, text),
        expected == null ? null : Instant.parse(expected));
  }

  /** Dates the hand-written parser reads itself, each with the instant meant. */
  static Stream<Arguments> recognized() {
    return Stream.of(
        date("RFC 822 +0700", "Tue, 03 Jun 2025 08:30:00 +0700", "2025-06-03T01:30:00Z"),
        date("RFC 822 GMT", "Mon, 02 Jun 2025 16:00:00 GMT", "2025-06-02T16:00:00Z"),
        date("RFC 822 negative offset", "Mon, 02 Jun 2025 16:00:00 -0430", "2025-06-02T20:30:00Z"),
        date("RFC 822 UT", "Mon, 02 Jun 2025 16:00:00 UT", "2025-06-02T16:00:00Z"),
        date("RFC 822 UTC", "Mon, 02 Jun 2025 16:00:00 UTC", "2025-06-02T16:00:00Z"),
        date("RFC 822 Z", "Mon, 02 Jun 2025 16:00:00 Z", "2025-06-02T16:00:00Z"),
        date("RFC 822 EST", "Mon, 02 Jun 2025 11:00:00 EST", "2025-06-02T16:00:00Z"),
        date("RFC 822 PDT", "Mon, 02 Jun 2025 09:00:00 PDT", "2025-06-02T16:00:00Z"),
        date("GMT+7 (Vietnamese sites)", "Tue, 03 Jun 2025 08:30:00 GMT+7", "2025-06-03T01:30:00Z"),
        date("GMT+07:00", "Tue, 03 Jun 2025 08:30:00 GMT+07:00", "2025-06-03T01:30:00Z"),
        date("GMT+0700", "Tue, 03 Jun 2025 08:30:00 GMT+0700", "2025-06-03T01:30:00Z"),
        date("offset with colon", "Tue, 03 Jun 2025 08:30:00 +07:00", "2025-06-03T01:30:00Z"),
        date("no day name", "03 Jun 2025 08:30:00 +0700", "2025-06-03T01:30:00Z"),
        date("day name without comma", "Tue 03 Jun 2025 08:30:00 +0700", "2025-06-03T01:30:00Z"),
        date("day name in full", "Tuesday, 03 Jun 2025 08:30:00 +0700", "2025-06-03T01:30:00Z"),
        date("wrong day name (Rome ignores it)", "Fri, 03 Jun 2025 08:30:00 +0700",
            "2025-06-03T01:30:00Z"),
        date("one-digit day", "Tue, 3 Jun 2025 08:30:00 +0700", "2025-06-03T01:30:00Z"),
        date("one-digit hour", "Tue, 03 Jun 2025 8:30:00 +0700", "2025-06-03T01:30:00Z"),
        date("no seconds", "Tue, 03 Jun 2025 08:30 +0700", "2025-06-03T01:30:00Z"),
        date("two-digit year", "Tue, 03 Jun 25 08:30:00 +0700", "2025-06-03T01:30:00Z"),
        date("two-digit year of the last century", "Fri, 03 Jun 99 08:30:00 GMT",
            "1999-06-03T08:30:00Z"),
        date("month in upper case", "Tue, 03 JUN 2025 08:30:00 +0700", "2025-06-03T01:30:00Z"),
        date("month in full", "Tue, 03 June 2025 08:30:00 +0700", "2025-06-03T01:30:00Z"),
        date("surrounding whitespace", "\n   Tue, 03 Jun 2025 08:30:00 +0700  \n",
            "2025-06-03T01:30:00Z"),
        date("double spaces", "Tue,  03 Jun 2025  08:30:00  +0700", "2025-06-03T01:30:00Z"),
        date("year 1900 (an unusable date, still a date)", "Mon, 01 Jan 1900 00:00:00 GMT",
            "1900-01-01T00:00:00Z"),
        date("year 9999", "Fri, 31 Dec 9999 23:59:59 GMT", "9999-12-31T23:59:59Z"),
        date("RFC 3339 +07:00", "2025-06-03T08:00:00+07:00", "2025-06-03T01:00:00Z"),
        date("RFC 3339 Z", "2025-06-03T10:00:00Z", "2025-06-03T10:00:00Z"),
        date("RFC 3339 lower-case t and z", "2025-06-03t10:00:00z", "2025-06-03T10:00:00Z"),
        date("RFC 3339 milliseconds", "2025-06-03T08:00:00.123+07:00",
            "2025-06-03T01:00:00.123Z"),
        date("RFC 3339 negative offset", "2025-06-03T10:00:00-05:00", "2025-06-03T15:00:00Z"),
        date("W3C-DTF no seconds", "2025-06-03T08:00+07:00", "2025-06-03T01:00:00Z"),
        date("offset without colon", "2025-06-03T08:00:00+0700", "2025-06-03T01:00:00Z"),
        date("offset hours only", "2025-06-03T08:00:00+07", "2025-06-03T01:00:00Z"),
        date("space for T", "2025-06-03 08:00:00+07:00", "2025-06-03T01:00:00Z"),
        date("date alone (midnight UTC, as Rome)", "2025-06-03", "2025-06-03T00:00:00Z"));
  }

  /**
   * Fractions Rome reads otherwise: its mask {@code SSS} takes "123456" as 123,456 milliseconds
   * (two minutes late) and it drops a fraction after a comma; these are read as RFC 3339 means.
   */
  static Stream<Arguments> fractionsRomeMisreads() {
    return Stream.of(
        date("RFC 3339 microseconds", "2025-06-03T10:00:00.123456Z", "2025-06-03T10:00:00.123456Z"),
        date("RFC 3339 comma fraction", "2025-06-03T10:00:00,5Z", "2025-06-03T10:00:00.5Z"));
  }

  /** Text the hand-written parser leaves to Rome. */
  static Stream<Arguments> leftToRome() {
    return Stream.of(
        date("Vietnamese words", "hôm qua lúc 8 giờ sáng", null),
        date("garbage", "x", null),
        date("empty", "", null),
        date("RFC 3339 without offset (a local time)", "2025-06-03T08:00:00", null),
        date("RFC 822 without zone", "Tue, 03 Jun 2025 08:30:00", null),
        date("zone name Rome's formats know", "Tue, 03 Jun 2025 08:30:00 ICT", null),
        date("31 June (Rome's lenient formats roll it over)", "Tue, 31 Jun 2025 08:30:00 GMT",
            null),
        date("hour 24", "2025-06-03T24:00:00Z", null),
        date("year and month", "2025-06", null),
        date("three-digit year", "Tue, 03 Jun 125 08:30:00 GMT", null),
        date("not a day name", "Xyz, 03 Jun 2025 08:30:00 GMT", null),
        date("not a month", "Tue, 03 Junk 2025 08:30:00 GMT", null),
        date("trailing text", "2025-06-03T08:00:00Z and more", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recognized")
  void readsByHand(String text, Instant expected) {
    assertThat(FeedDates.parseFast(text)).isEqualTo(expected);
    assertThat(FeedDates.parse(text)).isEqualTo(expected);
  }

  /**
   * Wherever Rome reads a recognized date, it reads the same instant (Rome's milliseconds cut
   * the microseconds); the few it does not read are spellings it misses.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("recognized")
  void agreesWithRome(String text, Instant expected) {
    Date rome = DateParser.parseDate(text.strip(), Locale.US);
    if (rome != null) {
      assertThat(rome.toInstant().toEpochMilli()).isEqualTo(expected.toEpochMilli());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fractionsRomeMisreads")
  void readsFractionsAsRfc3339Means(String text, Instant expected) {
    assertThat(FeedDates.parse(text)).isEqualTo(expected);
    assertThat(DateParser.parseDate(text, Locale.US).toInstant()).isNotEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("leftToRome")
  void leavesTheRestToRome(String text, Instant ignored) {
    assertThat(FeedDates.parseFast(text)).isNull();
    Date rome = DateParser.parseDate(text.strip(), Locale.US);
    assertThat(FeedDates.parse(text)).isEqualTo(rome == null ? null : rome.toInstant());
  }

  @Test
  void romeStillReadsWhatOnlyItKnows() {
    assertThat(FeedDates.parse("Tue, 31 Jun 2025 08:30:00 GMT"))
        .isEqualTo(Instant.parse("2025-07-01T08:30:00Z"));
  }
}
