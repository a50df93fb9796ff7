package vn.bantin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which near-duplicate band hashes may be stored: a Bloom filter over {@code entry_bands.band},
 * so that rule 4 asks SQLite only for the bands another entry may share. Bands are hashes and
 * almost all of them unique, so a new entry usually shares none, and its 16 index lookups (the
 * writer's costliest query) become none or one.
 *
 * <p>It has false positives (a band looked up in vain) and no false negatives, so the lookups'
 * answers, and the dedup decisions, are those without it: until {@link #fill} has read every band
 * stored when it started, every band is reported possible; the writer {@link #add}s every band
 * it inserts, from the start. Deleted bands (retention) and bands rolled back stay set: they only
 * cost a lookup. {@link #add} and {@link #mayContain} run on the writer, {@link #fill} on another
 * thread; bits are set atomically.
 */
final class BandFilter {

  private static final int PROBES = 3;
  /** Bits per band expected: about 1% false positives with 3 probes. */
  private static final int BITS_PER_BAND = 10;
  private static final int MIN_BITS_LOG2 = 23;
  private static final int MAX_BITS_LOG2 = 30;

  private final AtomicLongArray words;
  private final long mask;
  private volatile boolean ready;

  /** @param expectedBands bands the filter should hold with few false positives */
  BandFilter(long expectedBands) {
    long bits = Math.max(1, expectedBands) * BITS_PER_BAND;
    int log2 = Math.min(MAX_BITS_LOG2,
        Math.max(MIN_BITS_LOG2, 64 - Long.numberOfLeadingZeros(bits - 1)));
    words = new AtomicLongArray(1 << (log2 - 6));
    mask = (1L << log2) - 1;
  }

  /**
   * A filter sized for the entries stored and as many again to come (16 bands each), empty
   * until {@link #fill}.
   */
  static BandFilter sizedFor(Connection connection, int bandsPerEntry) throws SQLException {
    long entries;
    try (PreparedStatement query = connection.prepareStatement("SELECT max(id) FROM entries");
        ResultSet row = query.executeQuery()) {
      entries = row.next() ? row.getLong(1) : 0;
    }
    return new BandFilter((2 * entries + 100_000) * bandsPerEntry);
  }

  /** Records a band the writer inserts. */
  void add(long band) {
    long h = band;
    for (int i = 0; i < PROBES; i++) {
      h = mix(h + i);
      long bit = h & mask;
      int word = (int) (bit >>> 6);
      long flag = 1L << (bit & 63);
      long old;
      do {
        old = words.get(word);
      } while ((old & flag) == 0 && !words.compareAndSet(word, old, old | flag));
    }
  }

  /** False only when no stored entry has this band. */
  boolean mayContain(long band) {
    if (!ready) {
      return true;
    }
    long h = band;
    for (int i = 0; i < PROBES; i++) {
      h = mix(h + i);
      long bit = h & mask;
      if ((words.get((int) (bit >>> 6)) & (1L << (bit & 63))) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Adds every stored band (one read transaction on {@code reader}), then starts filtering. */
  void fill(Connection reader) throws SQLException {
    Jdbc.inTransaction(reader, false, c -> {
      try (PreparedStatement query = c.prepareStatement("SELECT band FROM entry_bands");
          ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          add(rows.getLong(1));
        }
      }
      return null;
    });
    ready = true;
  }

  boolean ready() {
    return ready;
  }

  /** SplitMix64's finalizer: spreads the probes of one band over the whole array. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
