package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bantin.dedup.Fingerprint;

/** The in-memory band index: lookups, time windows and SQLite's transaction semantics. */
class NearIndexTest {

  private static final long NOON = 1_750_000_000_000L;
  private static final long[] NO_SKETCH = new long[Fingerprint.SKETCH_LONGS];
  private static final String NEAR_TITLE = "Lai Châu sơ kết 10 tháng xây dựng nông thôn mới";
  private static final String NEAR_SUMMARY = "Sáng 24/11, Ban Thường vụ Tỉnh ủy Lai Châu tổ"
      + " chức hội nghị sơ kết công tác xây dựng nông thôn mới 10 tháng năm 2026.";
  private static final long HOUR = 3_600_000L;
  private static final long SPREAD = 30 * 24 * HOUR;

  private final NearIndex index = new NearIndex();

  @ParameterizedTest(name = "band {0} of 16")
  @ValueSource(ints = {0, 1, 7, 15})
  void anEntryIsFoundByAnyOneOfItsBands(int which) {
    long[] bands = bands(1);
    index.add(11, NOON, NOON, bands, NO_SKETCH);
    index.add(12, NOON, NOON, bands(2), NO_SKETCH);

    assertThat(index.entries(new long[] {bands[which]}, NOON - HOUR, NOON + HOUR))
        .containsExactly(11);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "published at the window's start, 0, 10, true",
      "published at the window's end, -10, 0, true",
      "window of one instant, 0, 0, true",
      "published one ms before the window, 1, 10, false",
      "published one ms after the window, -10, -1, false"})
  void theWindowIncludesBothBounds(String name, long from, long to, boolean found) {
    index.add(11, NOON, NOON, bands(1), NO_SKETCH);

    long[] ids = index.entries(bands(1), NOON + from, NOON + to);

    assertThat(ids).isEqualTo(found ? new long[] {11} : new long[0]);
  }

  @Test
  void ofTheEarliestFetchedOnlyThoseThatMayBeNearAreNamed() {
    Fingerprint asked = Fingerprint.of(NEAR_TITLE, NEAR_SUMMARY);
    long[] republished = Fingerprint.of(NEAR_TITLE, NEAR_SUMMARY + " Ảnh: VOV.").sketch();
    long[] other = Fingerprint.of("Điện Biên khai mạc hội chợ thương mại biên giới",
        "Sáng nay, hội chợ thương mại biên giới năm 2026 khai mạc với 200 gian hàng của"
            + " doanh nghiệp trong và ngoài nước.").sketch();
    long[] band = {99};
    index.add(11, NOON, NOON + 3, band, republished);
    index.add(12, NOON, NOON + 1, band, other);
    index.add(13, NOON, NOON + 2, band, republished);
    index.add(14, NOON, NOON + 1, band, republished);

    assertThat(index.entries(band, NOON, NOON, asked, 50)).containsExactly(11, 13, 14);
    assertThat(index.entries(band, NOON, NOON, null, 50)).containsExactly(11, 12, 13, 14);
    // The limit takes the earliest fetched (12 and 14 at NOON + 1, then 13), then the sketch.
    assertThat(index.entries(band, NOON, NOON, null, 3)).containsExactly(12, 13, 14);
    assertThat(index.entries(band, NOON, NOON, asked, 2)).containsExactly(14);
  }

  /** The index keeps 32 bits of a band: a chance match is named, and the caller's row decides. */
  @Test
  void bandsAlikeInTheirLow32BitsAreOnePosting() {
    long band = 0x1234_5678_9abc_def0L;
    long alike = 0x7777_7777_9abc_def0L;
    index.add(11, NOON, NOON, new long[] {band}, NO_SKETCH);
    index.add(12, NOON, NOON, new long[] {0x55L}, NO_SKETCH);

    assertThat(index.entries(new long[] {alike}, NOON, NOON)).containsExactly(11);
    assertThat(index.entries(new long[] {0x9abc_def1L}, NOON, NOON)).isEmpty();
  }

  @Test
  void anEntryMatchingSeveralBandsIsReturnedOnce() {
    index.add(11, NOON, NOON, bands(1), NO_SKETCH);
    index.add(12, NOON, NOON, bands(2), NO_SKETCH);

    assertThat(index.entries(bands(1), NOON, NOON)).containsExactly(11);
  }

  @Test
  void repeatedBandsInOneEntryOrInTheQueryGiveOneId() {
    long band = 42;
    index.add(11, NOON, NOON, new long[] {band, band, band, 7}, NO_SKETCH);

    assertThat(index.entries(new long[] {band, band, 7}, NOON, NOON)).containsExactly(11);
  }

  @Test
  void unknownBandsFindNothing() {
    index.add(11, NOON, NOON, bands(1), NO_SKETCH);

    assertThat(index.entries(bands(2), NOON - SPREAD, NOON + SPREAD)).isEmpty();
    assertThat(new NearIndex().entries(bands(2), NOON - SPREAD, NOON + SPREAD)).isEmpty();
  }

  @Test
  void fiveThousandEntriesSharingOneBandAreAllReturned() {
    long shared = 0x5eed;
    for (long id = 1; id <= 5_000; id++) {
      long[] bands = bands(id);
      bands[3] = shared;
      index.add(id, NOON + id, NOON + id, bands, NO_SKETCH);
    }

    assertThat(index.entries(new long[] {shared}, NOON, NOON + 5_000))
        .containsExactlyInAnyOrder(LongStream.rangeClosed(1, 5_000).toArray());
    assertThat(index.entries(new long[] {shared}, NOON + 4_001, NOON + 4_010))
        .containsExactlyInAnyOrder(LongStream.rangeClosed(4_001, 4_010).toArray());
  }

  @Test
  void aRemovedEntryIsNoLongerFound() {
    index.add(11, NOON, NOON, bands(1), NO_SKETCH);
    index.add(12, NOON, NOON, bands(1), NO_SKETCH);
    index.commit();

    index.remove(11, NOON, bands(1));

    assertThat(index.entries(bands(1), NOON, NOON)).containsExactly(12);
    assertThat(index.size()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "another id, 99, 0, 1",
      "another published time, 11, 1, 1",
      "another entry's bands, 11, 0, 2"})
  void removingWhatIsNotThereChangesNothing(String name, long id, long shift, long bandSeed) {
    index.add(11, NOON, NOON, bands(1), NO_SKETCH);

    index.remove(id, NOON + shift, bands(bandSeed));
    index.remove(11, NOON, new long[0]);

    assertThat(index.entries(bands(1), NOON, NOON)).containsExactly(11);
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void anIdRemovedCanBeAddedAgain() {
    index.add(11, NOON, NOON, bands(1), NO_SKETCH);
    index.commit();
    index.remove(11, NOON, bands(1));
    index.add(11, NOON + HOUR, NOON + HOUR, bands(2), NO_SKETCH);
    index.commit();

    assertThat(index.entries(bands(1), NOON, NOON + HOUR)).isEmpty();
    assertThat(index.entries(bands(2), NOON, NOON + HOUR)).containsExactly(11);
    index.remove(11, NOON + HOUR, bands(2));
    index.add(11, NOON, NOON, bands(1), NO_SKETCH);
    assertThat(index.entries(bands(1), NOON, NOON)).containsExactly(11);
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void addingNoBandsIsANoOp() {
    index.add(11, NOON, NOON, new long[0], NO_SKETCH);

    assertThat(index.size()).isZero();
    index.rollback();
    assertThat(index.size()).isZero();
  }

  @Test
  void rollbackUndoesAddsAndRemovesSinceTheLastCommit() {
    index.add(11, NOON, NOON, bands(1), NO_SKETCH);
    index.commit();
    index.remove(11, NOON, bands(1));
    index.add(12, NOON, NOON, bands(2), NO_SKETCH);

    index.rollback();

    assertThat(index.entries(bands(1), NOON, NOON)).containsExactly(11);
    assertThat(index.entries(bands(2), NOON, NOON)).isEmpty();
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void rollbackAfterCommitKeepsWhatWasCommitted() {
    index.add(11, NOON, NOON, bands(1), NO_SKETCH);
    index.add(12, NOON, NOON, bands(2), NO_SKETCH);
    index.commit();
    index.remove(12, NOON, bands(2));
    index.commit();

    index.rollback();

    assertThat(index.entries(bands(1), NOON, NOON)).containsExactly(11);
    assertThat(index.entries(bands(2), NOON, NOON)).isEmpty();
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void rollbackToSavepointUndoesOnlyTheChangesSinceItAndKeepsItOpen() {
    index.add(11, NOON, NOON, bands(1), NO_SKETCH);
    index.savepoint();
    index.add(12, NOON, NOON, bands(2), NO_SKETCH);
    index.savepoint();
    index.add(13, NOON, NOON, bands(3), NO_SKETCH);

    index.rollbackToSavepoint();
    assertThat(ids(1, 2, 3)).containsExactlyInAnyOrder(11, 12);
    index.add(14, NOON, NOON, bands(4), NO_SKETCH);
    index.rollbackToSavepoint(); // the same savepoint again: it stayed open
    assertThat(ids(1, 2, 3, 4)).containsExactlyInAnyOrder(11, 12);
    index.release();
    index.rollbackToSavepoint(); // now the outer one
    assertThat(ids(1, 2, 3, 4)).containsExactly(11);
    index.release();
    index.commit();

    assertThat(ids(1, 2, 3, 4)).containsExactly(11);
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void aReleasedSavepointsChangesAreUndoneByTheEnclosingOnes() {
    index.savepoint();
    index.savepoint();
    index.add(12, NOON, NOON, bands(2), NO_SKETCH);
    index.release();
    assertThat(ids(2)).containsExactly(12);

    index.rollbackToSavepoint();

    assertThat(ids(2)).isEmpty();
    assertThatThrownBy(() -> {
      index.release();
      index.release();
    }).isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest(name = "then {0}")
  @ValueSource(strings = {"commit", "rollback"})
  void anEntryAddedAndRemovedInOneTransactionEndsGone(String end) {
    index.add(11, NOON, NOON, bands(1), NO_SKETCH);
    index.savepoint();
    index.remove(11, NOON, bands(1));
    assertThat(ids(1)).isEmpty();

    index.rollbackToSavepoint();
    assertThat(ids(1)).containsExactly(11);
    assertThat(index.size()).isEqualTo(1);
    index.remove(11, NOON, bands(1));
    index.release();
    if (end.equals("commit")) {
      index.commit();
    } else {
      index.rollback();
    }

    assertThat(ids(1)).isEmpty();
    assertThat(index.size()).isZero();
    index.rollback();
    assertThat(ids(1)).isEmpty();
  }

  @Test
  void aRemovalUndoneBySavepointRestoresACommittedEntry() {
    index.add(11, NOON, NOON, bands(1), NO_SKETCH);
    index.commit();
    index.savepoint();
    index.remove(11, NOON, bands(1));

    index.rollbackToSavepoint();
    index.release();
    index.commit();

    assertThat(ids(1)).containsExactly(11);
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void massRemovalFreesTheTableAtCommit() {
    Fingerprint text = Fingerprint.of(NEAR_TITLE, NEAR_SUMMARY);
    for (long id = 0; id < 20_000; id++) {
      index.add(id, NOON, NOON, bands(id), id == 19_999 ? text.sketch() : NO_SKETCH);
    }
    index.commit();
    long full = index.retainedBytes();
    for (long id = 0; id < 19_000; id++) {
      index.remove(id, NOON, bands(id));
    }
    assertThat(ids(5, 19_500)).containsExactly(19_500); // dead, but pending

    index.commit();

    assertThat(index.retainedBytes()).isLessThan(full * 3 / 4);
    assertThat(ids(5, 19_500, 19_999)).containsExactly(19_500, 19_999);
    assertThat(index.size()).isEqualTo(1_000);
    long[] both = LongStream.concat(Arrays.stream(bands(19_500)), Arrays.stream(bands(19_999)))
        .toArray();
    assertThat(index.entries(both, NOON, NOON, text, 50))
        .as("each sketch moved with its entry").containsExactly(19_999);
  }

  @ParameterizedTest(name = "then {0}")
  @ValueSource(strings = {"commit", "rollback"})
  void entriesAddedAndRemovedInOneTransactionAreReclaimed(String end) {
    index.add(1, NOON, NOON, bands(1), NO_SKETCH);
    index.commit();
    long before = index.retainedBytes();
    for (long id = 2; id < 20_000; id++) {
      index.add(id, NOON, NOON, bands(id), NO_SKETCH);
      index.remove(id, NOON, bands(id));
      if (end.equals("commit")) {
        index.commit();
      } else {
        index.rollback();
      }
    }

    assertThat(index.retainedBytes()).isLessThanOrEqualTo(before);
    assertThat(ids(1, 2, 19_999)).containsExactly(1);
  }

  @Test
  void entriesOnEitherSideOfAPeriodsStartAreFoundByOneWindow() {
    long start = PostingKeys.period(NOON) * PostingKeys.PERIOD_MILLIS;
    index.add(1, start - 1, start, bands(1), NO_SKETCH);
    index.add(2, start, start, bands(1), NO_SKETCH);
    index.add(3, start + PostingKeys.PERIOD_MILLIS, start, bands(1), NO_SKETCH);

    assertThat(index.entries(bands(1), start - 1, start)).containsExactly(1, 2);
    assertThat(index.entries(bands(1), start - 1, start + PostingKeys.PERIOD_MILLIS))
        .containsExactly(1, 2, 3);
    assertThat(index.entries(bands(1), start, start + PostingKeys.PERIOD_MILLIS - 1))
        .containsExactly(2);
  }

  @Test
  void aWindowOfMoreThanItsPeriodsLimitIsRefused() {
    long wide = PostingKeys.MAX_PERIODS * PostingKeys.PERIOD_MILLIS;
    assertThatThrownBy(() -> index.entries(bands(1), NOON, NOON + wide))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * 200,000 adds with removes, commits, rollbacks and savepoints interleaved at random, checked
   * against a map; published over 30 days, asked in windows of up to a quarter of that. One band
   * in eight comes from a pool of 1,000 shared values, so bands are shared by hundreds of entries
   * and the table grows, rebuilds and compacts many times.
   */
  @Test
  void randomChangesAgreeWithAReferenceModel() {
    Model model = new Model();
    Random random = new Random(20260524);
    int chance = 0;
    List<Long> added = new ArrayList<>();
    for (long id = 0; id < 200_000; id++) {
      long at = NOON + random.nextLong(SPREAD);
      index.add(id, at, at, Model.hashed(id), NO_SKETCH);
      model.add(id, at);
      added.add(id);
      int roll = random.nextInt(1_000);
      if (roll < 250) {
        long victim = added.get(random.nextInt(added.size()));
        Long when = model.visible.get(victim);
        long at2 = when != null ? when : NOON;
        index.remove(victim, at2, Model.hashed(victim));
        model.remove(victim);
      } else if (roll < 252) {
        index.commit();
        model.commit();
      } else if (roll < 253) {
        index.rollback();
        model.rollback();
      } else if (roll < 258) {
        index.savepoint();
        model.savepoint();
      } else if (roll < 261 && model.marks() > 0) {
        index.rollbackToSavepoint();
        model.rollbackToSavepoint();
      } else if (roll < 264 && model.marks() > 0) {
        index.release();
        model.release();
      }
      if (id % 10 == 0) {
        long probe = added.get(random.nextInt(added.size()));
        long from = NOON + random.nextLong(SPREAD);
        long to = from + random.nextLong(SPREAD / 4);
        long[] found = index.entries(Model.hashed(probe), from, to);
        long[] expected = model.entries(probe, from, to);
        assertThat(found).as("entries like %d in [%d, %d] after %d adds", probe, from, to, id)
            .contains(expected);
        // Anything more is a chance match of 32-bit keys, which callers rule out on the row.
        Arrays.stream(found).filter(e -> Arrays.stream(expected).noneMatch(x -> x == e))
            .forEach(e -> assertThat(model.sharesAKey(e, probe, from, to)).as("%d", e).isTrue());
        chance += found.length - expected.length;
        assertThat(index.size()).isEqualTo(model.visible.size());
      }
    }
    index.commit();
    model.commit();
    assertThat(index.size()).isEqualTo(model.visible.size()).isGreaterThan(50_000);
    assertThat(chance).as("chance matches in 20,000 lookups").isLessThan(200);
  }

  @Test
  void twoHundredThousandEntriesOfSixteenBandsTakeUnder328BytesEach() {
    SplittableRandom random = new SplittableRandom(7);
    int count = 200_000;
    for (long id = 0; id < count; id++) {
      long[] bands = LongStream.generate(random::nextLong).limit(16).toArray();
      index.add(id, NOON + id, NOON + id, bands, NO_SKETCH);
    }
    index.commit();

    double perEntry = (double) index.retainedBytes() / count;
    System.out.printf("NearIndex: %.1f bytes per entry of 16 bands (%.1f per band)%n",
        perEntry, perEntry / 16);
    // 4 bytes per band, 4 for the link to its band's older posting, ~7 of table slots.
    assertThat(perEntry).isLessThan(16 * 16 + 72);
  }

  private long[] ids(long... seeds) {
    long[] all = Arrays.stream(seeds).flatMap(s -> Arrays.stream(bands(s))).toArray();
    return index.entries(all, NOON - SPREAD, NOON + SPREAD);
  }

  /** 16 distinct bands, the same for the same seed, distinct from other seeds'. */
  private static long[] bands(long seed) {
    return IntStream.range(0, 16).mapToLong(i -> seed * 1_000 + i + 1).toArray();
  }

  /** What the index should answer: a map of visible entries with its own undo log. */
  private static final class Model {
    private static final int POOL = 1_000;
    final Map<Long, Long> visible = new HashMap<>();
    /** Every id ever added by pool band, visible or not. */
    private final List<List<Long>> pooled = new ArrayList<>();
    /** Per change: {id, published or null for an add}. */
    private final List<Object[]> undo = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();

    Model() {
      for (int i = 0; i < POOL; i++) {
        pooled.add(new ArrayList<>());
      }
    }

    /** Band i of an entry: one in eight from the pool (negative), else its own (positive). */
    static long[] bands(long id) {
      long[] bands = new long[16];
      for (int i = 0; i < 16; i++) {
        int hash = Long.hashCode((id * 16 + i) * 0x9e3779b97f4a7c15L) >>> 1;
        bands[i] = hash % 8 == 0 ? -1 - (hash >> 3) % POOL : id * 16 + i;
      }
      return bands;
    }

    /**
     * {@link #bands} as the index is given them: mixed, as real bands are hashes. Keys of
     * different periods could otherwise coincide by construction (ids differing in bit 12 and
     * up), a chance match that the store's callers rule out on the stored row.
     */
    static long[] hashed(long id) {
      return Arrays.stream(bands(id)).map(BandTable::mix).toArray();
    }

    void add(long id, long at) {
      visible.put(id, at);
      for (long band : bands(id)) {
        if (band < 0) {
          pooled.get((int) (-1 - band)).add(id);
        }
      }
      undo.add(new Object[] {id, null});
    }

    void remove(long id) {
      Long at = visible.remove(id);
      if (at != null) {
        undo.add(new Object[] {id, at});
      }
    }

    /** Whether visible {@code id} has a band whose key one of {@code like}'s keys is. */
    boolean sharesAKey(long id, long like, long from, long to) {
      Long at = visible.get(id);
      if (at == null || at < from || at > to) {
        return false;
      }
      for (long band : hashed(id)) {
        int key = PostingKeys.key(band, PostingKeys.period(at));
        for (long asked : hashed(like)) {
          for (long period = PostingKeys.period(from); period <= PostingKeys.period(to);
              period++) {
            if (PostingKeys.key(asked, period) == key) {
              return true;
            }
          }
        }
      }
      return false;
    }

    long[] entries(long like, long from, long to) {
      List<Long> candidates = new ArrayList<>(List.of(like));
      for (long band : bands(like)) {
        if (band < 0) {
          candidates.addAll(pooled.get((int) (-1 - band)));
        }
      }
      return candidates.stream().distinct().filter(id -> {
        Long at = visible.get(id);
        return at != null && at >= from && at <= to;
      }).mapToLong(Long::longValue).toArray();
    }

    void commit() {
      undo.clear();
      marks.clear();
    }

    void rollback() {
      undoTo(0);
      marks.clear();
    }

    void savepoint() {
      marks.add(undo.size());
    }

    int marks() {
      return marks.size();
    }

    void rollbackToSavepoint() {
      undoTo(marks.get(marks.size() - 1));
    }

    void release() {
      marks.remove(marks.size() - 1);
    }

    private void undoTo(int mark) {
      while (undo.size() > mark) {
        Object[] change = undo.remove(undo.size() - 1);
        if (change[1] == null) {
          visible.remove((Long) change[0]);
        } else {
          visible.put((Long) change[0], (Long) change[1]);
        }
      }
    }
  }
}
