package vn.bantin.store;

import java.util.Arrays;
import vn.bantin.dedup.Fingerprint;

/**
 * The SQLite store's in-memory index of near-duplicate candidates (dedup rule 4) and of title keys
 * (rule 3, {@link TitleBand}): entry ids by LSH band hash and published time, following SQLite's
 * transactions so that it never disagrees with the rows after a rollback. The writer thread's
 * alone: not thread-safe.
 *
 * <p>Primitive arrays only, nothing allocated per entry or band. Each entry's distinct bands are
 * appended to {@code postingBand}, contiguous and in the order of the entries' handles, each as
 * its key for the period the entry was published in ({@link PostingKeys}); a {@link BandTable}
 * finds a key's postings, so a lookup walks only the postings of the periods its window touches,
 * however many entries share a band over the months stored (a feed repeating its summary, or
 * simply a large store), and a posting's entry is found by binary search over the entries' first
 * postings, only when its band matches. Each entry also keeps when it was fetched and its
 * fingerprint's {@link Fingerprint#sketch}, so that a lookup picks the earliest candidates and
 * leaves out those that cannot be near without reading their rows. A removal marks the entry;
 * the slots of dead entries go when the table is rebuilt, and their postings and handles when it
 * is compacted, which waits until nothing is pending so the handles in the {@link UndoLog} stay
 * valid.
 */
final class NearIndex {

  // LIVE: committed; ADDED: pending add; REMOVED: pending removal of a LIVE entry;
  // ADDED_REMOVED: added and removed since the last commit (ADDED again if the removal is undone).
  private static final byte LIVE = 0;
  private static final byte ADDED = 1;
  private static final byte REMOVED = 2;
  private static final byte ADDED_REMOVED = 3;
  private static final byte DEAD = 4;
  /** Linear probing stays short up to here (about 8.5 probes for a missing band). */
  private static final double MAX_LOAD = 0.75;
  /** A rebuilt table's load: growth by 1.25x keeps the memory per band near 14 bytes. */
  private static final double REBUILT_LOAD = 0.6;
  private static final long[] NONE = new long[0];
  private static final int SKETCH = Fingerprint.SKETCH_LONGS;

  private long[] entryId;
  private long[] published;
  private long[] fetched;
  private byte[] state;
  private int[] firstPosting;
  /** Each entry's sketch, {@link #SKETCH} longs from handle * SKETCH. */
  private long[] sketches;
  private int entries;
  /**
   * Each posting's {@link PostingKeys#key}, 32 bits: a band that matches by chance only names a
   * candidate that the dates, the stored signature (whose bands are compared whole) or title key
   * rule out.
   */
  private int[] postingBand;
  private int postings;
  /** Postings of DEAD entries, still in {@code postingBand} until compacted. */
  private int deadPostings;
  private BandTable table;
  private int visible;
  private final UndoLog undo = new UndoLog();
  /** Reused by {@link #entries}: the handles found before they are made distinct. */
  private int[] found = new int[16];

  NearIndex() {
    this(0);
  }

  /**
   * An index with room for {@code expectedEntries} entries of {@link Fingerprint#BANDS} bands and
   * a title key ({@link TitleBand}) before it grows: the store's load at start knows how many it
   * reads, and growing step by step to a hundred thousand entries rehashed every band about
   * twenty times.
   */
  NearIndex(int expectedEntries) {
    int room = Math.max(16, expectedEntries);
    int postingRoom = Math.max(64, room * (Fingerprint.BANDS + 1));
    entryId = new long[room];
    published = new long[room];
    fetched = new long[room];
    state = new byte[room];
    firstPosting = new int[room];
    sketches = new long[room * SKETCH];
    postingBand = new int[postingRoom];
    table = new BandTable((int) (postingRoom / REBUILT_LOAD) + 1, postingRoom);
  }

  /**
   * Adds an entry's bands (duplicates count once, none is a no-op), its fingerprint's sketch and
   * when it was fetched; visible at once; undone by rollback. An id is added again only after its
   * removal.
   */
  void add(long id, long publishedMillis, long fetchedMillis, long[] bands, long[] sketch) {
    if (bands.length == 0) {
      return;
    }
    if (entries == entryId.length) {
      int length = grown(entries, entries + 1);
      entryId = Arrays.copyOf(entryId, length);
      published = Arrays.copyOf(published, length);
      fetched = Arrays.copyOf(fetched, length);
      state = Arrays.copyOf(state, length);
      firstPosting = Arrays.copyOf(firstPosting, length);
      sketches = Arrays.copyOf(sketches, length * SKETCH);
    }
    if (postings + bands.length > postingBand.length) {
      postingBand = Arrays.copyOf(postingBand, grown(postings, postings + bands.length));
    }
    int handle = entries++;
    int first = postings;
    entryId[handle] = id;
    published[handle] = publishedMillis;
    fetched[handle] = fetchedMillis;
    state[handle] = ADDED;
    firstPosting[handle] = first;
    if (sketch.length == SKETCH) {
      System.arraycopy(sketch, 0, sketches, handle * SKETCH, SKETCH);
    } else { // no signature, a title key only: a sketch no text is near
      Arrays.fill(sketches, handle * SKETCH, handle * SKETCH + SKETCH, 0);
    }
    long period = PostingKeys.period(publishedMillis);
    for (int i = 0; i < bands.length; i++) {
      if (!repeats(bands, i)) {
        postingBand[postings++] = PostingKeys.key(bands[i], period);
      }
    }
    if (table.used() + postings - first > MAX_LOAD * table.capacity()) {
      rehash(); // takes this entry's postings too
    } else {
      for (int p = first; p < postings; p++) {
        table.insert(p, postingBand);
      }
    }
    undo.added(handle);
    visible++;
  }

  /**
   * Removes the visible entry added with this id, published time and bands; invisible at once;
   * undone by rollback. A no-op when there is none.
   */
  void remove(long id, long publishedMillis, long[] bands) {
    if (bands.length == 0) {
      return;
    }
    int key = PostingKeys.key(bands[0], PostingKeys.period(publishedMillis));
    for (int p = table.newest(key, postingBand); p >= 0; p = table.older(p)) {
      int handle = entryOf(p);
      if (entryId[handle] == id && published[handle] == publishedMillis
          && isVisible(state[handle])) {
        state[handle] = state[handle] == LIVE ? REMOVED : ADDED_REMOVED;
        undo.removed(handle);
        visible--;
        return;
      }
    }
  }

  /**
   * Distinct ids of the visible entries sharing at least one of {@code bands}, published within
   * [{@code fromMillis}, {@code toMillis}] (both inclusive, at most {@link
   * PostingKeys#MAX_PERIODS} periods apart); in ascending order, empty when none. Bands are
   * compared by their 32-bit {@link PostingKeys}: the caller checks what it finds against the
   * stored row (whole bands, title key), which rules out a chance match.
   */
  long[] entries(long[] bands, long fromMillis, long toMillis) {
    return entries(bands, fromMillis, toMillis, null, Integer.MAX_VALUE);
  }

  /**
   * {@link #entries(long[], long, long)}, but only the {@code limit} fetched first (then lowest
   * ids), and of those only the ones whose sketch says they {@link Fingerprint#mayBeNear} {@code
   * near} ({@code null}: all of them).
   */
  long[] entries(long[] bands, long fromMillis, long toMillis, Fingerprint near, int limit) {
    long firstPeriod = PostingKeys.period(fromMillis);
    long lastPeriod = PostingKeys.period(toMillis);
    if (lastPeriod - firstPeriod >= PostingKeys.MAX_PERIODS) {
      throw new IllegalArgumentException(
          "a window wider than " + PostingKeys.MAX_PERIODS + " periods");
    }
    int n = 0;
    for (int i = 0; i < bands.length; i++) {
      if (repeats(bands, i)) {
        continue;
      }
      for (long period = firstPeriod; period <= lastPeriod; period++) {
        for (int p = table.newest(PostingKeys.key(bands[i], period), postingBand); p >= 0;
            p = table.older(p)) {
          int handle = entryOf(p);
          long at = published[handle];
          if (isVisible(state[handle]) && at >= fromMillis && at <= toMillis) {
            if (n == found.length) {
              found = Arrays.copyOf(found, n * 2);
            }
            found[n++] = handle;
          }
        }
      }
    }
    if (n == 0) {
      return NONE;
    }
    // Several bands of one entry may match: sort, then keep each handle once.
    Arrays.sort(found, 0, n);
    int distinct = 1;
    for (int i = 1; i < n; i++) {
      if (found[i] != found[distinct - 1]) {
        found[distinct++] = found[i];
      }
    }
    if (distinct > limit) {
      distinct = keepEarliest(distinct, limit);
    }
    long[] ids = new long[distinct];
    int kept = 0;
    for (int i = 0; i < distinct; i++) {
      int handle = found[i];
      if (near == null || near.mayBeNear(sketches, handle * SKETCH)) {
        ids[kept++] = entryId[handle];
      }
    }
    ids = kept == distinct ? ids : Arrays.copyOf(ids, kept);
    Arrays.sort(ids);
    return ids;
  }

  /**
   * Moves the {@code limit} handles of {@code found[0, n)} fetched first (then lowest ids) to
   * {@code found[0, limit)}: an insertion into a sorted prefix, since the limit is small.
   */
  private int keepEarliest(int n, int limit) {
    int kept = 0;
    for (int i = 0; i < n; i++) {
      int handle = found[i];
      if (kept == limit && !earlier(handle, found[kept - 1])) {
        continue;
      }
      int at = kept < limit ? kept++ : kept - 1;
      for (; at > 0 && earlier(handle, found[at - 1]); at--) {
        found[at] = found[at - 1];
      }
      found[at] = handle;
    }
    return kept;
  }

  private boolean earlier(int a, int b) {
    return fetched[a] < fetched[b] || fetched[a] == fetched[b] && entryId[a] < entryId[b];
  }

  /** SAVEPOINT: marks the point the next {@link #rollbackToSavepoint} returns to; nestable. */
  void savepoint() {
    undo.savepoint();
  }

  /** RELEASE of the innermost savepoint: its changes stay pending in the enclosing transaction. */
  void release() {
    undo.release();
  }

  /** ROLLBACK TO the innermost savepoint: undoes the changes since it, which stays open. */
  void rollbackToSavepoint() {
    undoTo(undo.innermostMark());
  }

  /** COMMIT: every pending change is permanent; all savepoints are dropped. */
  void commit() {
    for (int i = 0; i < undo.size(); i++) {
      int handle = undo.handle(i);
      byte now = state[handle];
      if (now == ADDED) {
        state[handle] = LIVE;
      } else if (now == REMOVED || now == ADDED_REMOVED) {
        die(handle);
      }
    }
    endTransaction();
  }

  /** ROLLBACK: every change since the last commit is undone; all savepoints are dropped. */
  void rollback() {
    undoTo(0);
    endTransaction();
  }

  /** The visible entries: added and not removed, pending changes counted. */
  int size() {
    return visible;
  }

  /** The bytes held by this index's arrays, for measuring. */
  long retainedBytes() {
    return 8L * (entryId.length + published.length + fetched.length + sketches.length)
        + 4L * (firstPosting.length + found.length + postingBand.length) + state.length
        + undo.retainedBytes() + table.retainedBytes();
  }

  private void undoTo(int mark) {
    while (undo.size() > mark) {
      int handle = undo.handle(undo.size() - 1);
      boolean added = undo.newestIsAdded();
      undo.dropNewest();
      if (added) {
        die(handle); // a later removal of it was undone first, so it is ADDED
        visible--;
      } else {
        state[handle] = state[handle] == REMOVED ? LIVE : ADDED;
        visible++;
      }
    }
  }

  private void endTransaction() {
    undo.clear();
    if (deadPostings > postings / 4) {
      compact();
    }
  }

  private void die(int handle) {
    state[handle] = DEAD;
    deadPostings += end(handle) - firstPosting[handle];
  }

  /** Drops dead entries and their postings, renumbering handles; only when nothing is pending. */
  private void compact() {
    int kept = 0;
    int keptPostings = 0;
    for (int h = 0; h < entries; h++) {
      int from = firstPosting[h];
      int count = end(h) - from;
      if (state[h] == DEAD) {
        continue;
      }
      entryId[kept] = entryId[h];
      published[kept] = published[h];
      fetched[kept] = fetched[h];
      state[kept] = state[h];
      firstPosting[kept] = keptPostings;
      System.arraycopy(sketches, h * SKETCH, sketches, kept * SKETCH, SKETCH);
      System.arraycopy(postingBand, from, postingBand, keptPostings, count);
      keptPostings += count;
      kept++;
    }
    entries = kept;
    postings = keptPostings;
    deadPostings = 0;
    rehash();
  }

  /** Rebuilds the table for the postings of entries not dead, at {@link #REBUILT_LOAD}. */
  private void rehash() {
    int needed = postings - deadPostings;
    table = new BandTable((int) (needed / REBUILT_LOAD) + 1, postings);
    for (int h = 0; h < entries; h++) {
      if (state[h] != DEAD) {
        for (int p = firstPosting[h], end = end(h); p < end; p++) {
          table.insert(p, postingBand);
        }
      }
    }
  }

  /** The handle whose postings hold {@code posting}: each entry has at least one. */
  private int entryOf(int posting) {
    int at = Arrays.binarySearch(firstPosting, 0, entries, posting);
    return at >= 0 ? at : -at - 2;
  }

  private int end(int handle) {
    return handle + 1 < entries ? firstPosting[handle + 1] : postings;
  }

  private static boolean isVisible(byte entryState) {
    return entryState == LIVE || entryState == ADDED;
  }

  /** Whether {@code bands[i]}'s posting occurred earlier in the array (no set needed). */
  private static boolean repeats(long[] bands, int i) {
    for (int j = 0; j < i; j++) {
      if ((int) bands[j] == (int) bands[i]) {
        return true;
      }
    }
    return false;
  }

  private static int grown(int length, int needed) {
    return Math.max(needed, length + (length >> 2) + 16);
  }
}
