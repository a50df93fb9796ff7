package vn.bantin.store;

/**
 * Where {@link NearIndex} finds a band's postings: open addressing with linear probing over
 * posting indexes, of any capacity (a band shared by several entries takes one slot each along
 * its probe run, which ends at an empty slot). It holds no bands itself; the caller compares the
 * band of each posting it is shown. Never shrinks or deletes: a new table is built instead.
 */
final class BandTable {
  /** Posting index + 1 per slot, 0 when empty. */
  private final int[] slots;
  private int used;

  BandTable(int capacity) {
    slots = new int[Math.max(64, capacity)];
  }

  int capacity() {
    return slots.length;
  }

  int used() {
    return used;
  }

  /** The first slot of {@code band}'s probe run. */
  int home(long band) {
    // Any capacity: the high 32 bits of the mixed band scaled to the table (Lemire's reduction).
    return (int) (((mix(band) >>> 32) * slots.length) >>> 32);
  }

  /** The slot after {@code slot}, wrapping around. */
  int next(int slot) {
    return slot + 1 == slots.length ? 0 : slot + 1;
  }

  /** The posting in {@code slot}, or -1 when it is empty: the end of a probe run. */
  int posting(int slot) {
    return slots[slot] - 1;
  }

  /** Files {@code posting}, whose band is {@code band}, at the end of the band's probe run. */
  void insert(long band, int posting) {
    int s = home(band);
    while (slots[s] != 0) {
      s = next(s);
    }
    slots[s] = posting + 1;
    used++;
  }

  long retainedBytes() {
    return 4L * slots.length;
  }

  /** The splitmix64 finalizer: bands are hashes already, but not necessarily well spread. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
