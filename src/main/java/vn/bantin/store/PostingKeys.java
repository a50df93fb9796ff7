package vn.bantin.store;

/**
 * The 32-bit keys {@link NearIndex} files a band's postings under: the band joined with the
 * six-day period its entry was published in, so a lookup walks only the postings of the periods
 * its window touches, however many entries share the band over the months stored. Held only in
 * memory, so the period may change freely (the PostgreSQL store's own keys, persisted, are
 * {@code store.pg.BandKeys}).
 */
final class PostingKeys {
  /** A lookup's window (±72 hours for rule 4, ±48 for rule 3) touches two or three periods. */
  static final long PERIOD_MILLIS = 6L * 24 * 60 * 60 * 1000;
  /** The widest window a lookup may ask, in periods (a year and more): each is walked. */
  static final int MAX_PERIODS = 64;

  private PostingKeys() {}

  /**
   * A band's key in a period: its low 32 bits with the period's low 16 XORed into the top 16. In
   * one period two bands share a key only when their low 32 bits are alike; keys of different
   * periods coincide by chance, a chance match that the stored row rules out as any other.
   */
  static int key(long band, long period) {
    return (int) band ^ ((int) period << 16);
  }

  /** The period of an instant, in milliseconds since the epoch. */
  static long period(long millis) {
    return Math.floorDiv(millis, PERIOD_MILLIS);
  }
}
