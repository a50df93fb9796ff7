package vn.bantin.store.pg;

/**
 * The keys under which the PostgreSQL store indexes an entry's fingerprint bands for rule 4
 * (the GIN index on {@code entries.bands}, schema version 5): each band joined with the six-day
 * period its entry was published in. A lookup asks for its bands in the periods its date window
 * touches, so a band that many entries share over the months stored (a feed repeating the same
 * summary) costs it the entries of those few periods, not all of them, as the former index on
 * (band, published) did. {@code V5__bands_in_entries.sql} computes the same keys in SQL.
 */
final class BandKeys {
  /** The length of a period; the stored keys depend on it, so only a migration may change it. */
  static final long PERIOD_MILLIS = 6L * 24 * 60 * 60 * 1000;

  private BandKeys() {}

  /** The keys an entry published at {@code publishedMillis} is stored with. */
  static Long[] stored(long[] bands, long publishedMillis) {
    return keys(bands, period(publishedMillis), period(publishedMillis));
  }

  /** The keys that find every entry with one of {@code bands} published in [from, to]. */
  static Long[] sought(long[] bands, long fromMillis, long toMillis) {
    return keys(bands, period(fromMillis), period(toMillis));
  }

  /**
   * A band's key in a period: the band with the period's low 16 bits XORed into its top 16. For
   * one period this is a bijection, so two bands never share a key; keys of different periods
   * coincide only by the chance of two random 64-bit values, and then cost a candidate that the
   * dates or the comparison of signatures rule out.
   */
  static long key(long band, long period) {
    return band ^ (period << 48);
  }

  private static Long[] keys(long[] bands, long firstPeriod, long lastPeriod) {
    Long[] keys = new Long[Math.multiplyExact(bands.length,
        Math.toIntExact(lastPeriod - firstPeriod + 1))];
    int k = 0;
    for (long period = firstPeriod; period <= lastPeriod; period++) {
      for (long band : bands) {
        keys[k++] = key(band, period);
      }
    }
    return keys;
  }

  private static long period(long millis) {
    return Math.floorDiv(millis, PERIOD_MILLIS);
  }
}
