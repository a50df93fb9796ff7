package vn.bantin.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BandKeysTest {
  private static final long WINDOW = Duration.ofHours(72).toMillis();

  @Test
  void aLookupFindsEveryEntryPublishedInItsWindowWhateverThePeriods() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      long[] bands = random.longs(16).toArray();
      long published = random.nextLong(-BandKeys.PERIOD_MILLIS * 3, 1L << 42);
      long asked = published + random.nextLong(-WINDOW, WINDOW + 1);
      assertThat(BandKeys.sought(bands, asked - WINDOW, asked + WINDOW))
          .contains(BandKeys.stored(bands, published));
    }
  }

  @Test
  void aLookupAsksOnlyThePeriodsItsWindowTouches() {
    long[] bands = {1, 2, 3};
    long start = 100 * BandKeys.PERIOD_MILLIS;
    assertThat(BandKeys.sought(bands, start, start + BandKeys.PERIOD_MILLIS - 1))
        .containsExactly(BandKeys.stored(bands, start));
    assertThat(BandKeys.sought(bands, start - 1, start)).hasSize(6)
        .doesNotContainAnyElementsOf(
            Arrays.asList(BandKeys.stored(bands, start - BandKeys.PERIOD_MILLIS - 1)));
  }

  @Test
  void aBandHasAnotherKeyInEveryPeriodAndBandsNeverShareOneInAPeriod() {
    long band = 0x0123_4567_89AB_CDEFL;
    assertThat(BandKeys.key(band, 5)).isNotEqualTo(BandKeys.key(band, 6));
    assertThat(BandKeys.key(band, -1)).isNotEqualTo(BandKeys.key(band, 0));
    assertThat(BandKeys.key(band, 5)).isNotEqualTo(BandKeys.key(band + 1, 5));
    assertThat(BandKeys.stored(new long[] {band}, -1)[0]).isEqualTo(BandKeys.key(band, -1));
  }
}
