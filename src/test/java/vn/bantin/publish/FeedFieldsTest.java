package vn.bantin.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedFieldsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "unpadded day, 2025-03-05T08:30:00Z, 'Wed, 5 Mar 2025 08:30:00 GMT', 2025-03-05T08:30:00Z",
    "no fraction, 2024-02-29T23:59:59.999Z, 'Thu, 29 Feb 2024 23:59:59 GMT', 2024-02-29T23:59:59Z",
    "midnight, 2026-11-26T00:00:00Z, 'Thu, 26 Nov 2026 00:00:00 GMT', 2026-11-26T00:00:00Z",
    "before 1970, 1969-12-31T23:59:59.5Z, 'Wed, 31 Dec 1969 23:59:59 GMT', 1969-12-31T23:59:59Z",
    "year 9999, 9999-12-31T23:59:59Z, 'Fri, 31 Dec 9999 23:59:59 GMT', 9999-12-31T23:59:59Z",
  })
  void datesInEveryFormat(String name, String instant, String rfc822, String rfc3339) {
    Instant at = Instant.parse(instant);
    assertThat(FeedFields.rfc822(at)).isEqualTo(rfc822);
    assertThat(FeedFields.rfc3339(at)).isEqualTo(rfc3339);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "last year before the fast path, 0999-12-31T23:59:59Z",
    "first year of the fast path,    1000-01-01T00:00:00Z",
    "last year of the fast path,     9999-12-31T23:59:59Z",
  })
  void sameTextAsTheJdkAtTheEdgesOfTheFastPath(String name, String instant) {
    Instant at = Instant.parse(instant);
    assertThat(FeedFields.rfc822(at))
        .isEqualTo(DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)));
    assertThat(FeedFields.rfc3339(at)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(at));
  }

  @Test
  void isoDatesPastYear9999AreTheJdks() {
    assertThat(FeedFields.rfc3339(Instant.parse("+10000-01-01T00:00:00.5Z")))
        .isEqualTo("+10000-01-01T00:00:00Z");
  }

  @Test
  void sameTextAsTheJdkFormattersOverFourCenturies() {
    SplittableRandom random = new SplittableRandom(7);
    long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2300-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 100_000; i++) {
      Instant at = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
      Instant seconds = at.truncatedTo(ChronoUnit.SECONDS);
      assertThat(FeedFields.rfc822(at)).isEqualTo(
          DateTimeFormatter.RFC_1123_DATE_TIME.format(seconds.atOffset(ZoneOffset.UTC)));
      assertThat(FeedFields.rfc3339(at)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(seconds));
    }
  }
}
