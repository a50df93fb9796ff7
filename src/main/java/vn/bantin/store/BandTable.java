package vn.bantin.store;

import java.util.Arrays;

/**
 * Where {@link NearIndex} finds a band's postings: open addressing with linear probing over the
 * distinct bands, of any capacity, each slot holding the newest posting of its band, and each
 * posting the one filed before it with the same band. A band shared by many entries (boilerplate
 * a feed puts in every summary) is one slot and a chain, not one slot per posting along a probe
 * run that every band hashed near it would have to walk. It holds no bands itself: the caller
 * passes the postings' bands. Never shrinks or deletes: a new table is built instead.
 */
final class BandTable {
  /** The newest posting + 1 of the band in each slot, 0 when empty. */
  private final int[] slots;
  /** Per posting, the posting + 1 filed before it with the same band, 0 for the first. */
  private int[] older;
  private int used;

  /**
   * @param capacity slots, at least 64
   * @param postings the postings expected, so that the links need not grow before then
   */
  BandTable(int capacity, int postings) {
    slots = new int[Math.max(64, capacity)];
    older = new int[postings];
  }

  int capacity() {
    return slots.length;
  }

  /** Slots used: distinct bands filed. */
  int used() {
    return used;
  }

  /** The newest posting of {@code band}, or -1 when none is filed. */
  int newest(int band, int[] postingBand) {
    for (int s = home(band); slots[s] != 0; s = next(s)) {
      if (postingBand[slots[s] - 1] == band) {
        return slots[s] - 1;
      }
    }
    return -1;
  }

  /** The posting filed before {@code posting} with the same band, or -1. */
  int older(int posting) {
    return older[posting] - 1;
  }

  /** Files {@code posting}, whose band is {@code postingBand[posting]}, as its band's newest. */
  void insert(int posting, int[] postingBand) {
    if (posting >= older.length) {
      older = Arrays.copyOf(older, Math.max(posting + 1, older.length + (older.length >> 2) + 16));
    }
    int band = postingBand[posting];
    int s = home(band);
    while (slots[s] != 0 && postingBand[slots[s] - 1] != band) {
      s = next(s);
    }
    if (slots[s] == 0) {
      used++;
    }
    older[posting] = slots[s];
    slots[s] = posting + 1;
  }

  long retainedBytes() {
    return 4L * (slots.length + older.length);
  }

  /** The first slot of {@code band}'s probe run. */
  private int home(int band) {
    // Any capacity: the high 32 bits of the mixed band scaled to the table (Lemire's reduction).
    return (int) (((mix(band) >>> 32) * slots.length) >>> 32);
  }

  /** The slot after {@code slot}, wrapping around. */
  private int next(int slot) {
    return slot + 1 == slots.length ? 0 : slot + 1;
  }

  /** The splitmix64 finalizer: bands are hashes already, but not necessarily well spread. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
