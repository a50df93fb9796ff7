package vn.bantin.dedup;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * The near-duplicate fingerprint of a story's text (contract rule 4): a {@link MinHash} signature
 * over word bigrams of the title and the beginning of the summary, after bylines are removed, and
 * the {@link Marks} that tell otherwise alike texts apart (numbers, capitalized names).
 *
 * <p>Similar signatures find candidates through locality-sensitive hashing: the signature is cut
 * into {@link #BANDS} bands, and two texts sharing any band hash are compared. The thresholds
 * live in {@link StoryIdentity} and were chosen on the labeled pairs in the test resources.
 *
 * <p>Signatures and marks are stored, so this code must return for every text exactly what it
 * returned when they were written: DedupEquivalenceTest checks it against a frozen copy of the
 * first version. The words come from {@link Words} (no String per word), shingles are a sorted
 * {@code long[]} and marks sorted arrays, because this runs on the store's one writer thread.
 */
public final class Fingerprint {
  /** Hash functions in the signature. */
  static final int SIZE = MinHash.SIZE;
  /** LSH bands; {@link #SIZE} / BANDS rows each. */
  public static final int BANDS = 16;
  /** Summary words compared: republications often cut the summary after its first sentence. */
  static final int SUMMARY_WORDS = 30;
  /** Longs in a {@link #sketch}. */
  public static final int SKETCH_LONGS = SIZE / 16;
  /** The fewest equal signature positions whose share reaches the near threshold. */
  static final int LEAST_NEAR_AGREEING = (int) Math.ceil(StoryIdentity.NEAR_THRESHOLD * SIZE);
  /** Fewer distinct word pairs than this say too little to call two texts the same story. */
  static final int MIN_SHINGLES = 8;

  /** The MinHash signature, {@code null} when the text is too short to compare. */
  private final int[] signature;
  private final Marks marks;
  private final long[] sketch;

  private Fingerprint(int[] signature, Marks marks) {
    this.signature = signature;
    this.marks = marks;
    this.sketch = signature == null ? new long[0] : MinHash.sketch(signature);
  }

  /** The fingerprint of a title and a plain-text summary (either may be empty). */
  public static Fingerprint of(String title, String summary) {
    Words titleWords = Words.of(Bylines.strip(nfc(title)));
    Words summaryWords = Words.of(Bylines.strip(nfc(summary)));
    int comparedSummary = Math.min(SUMMARY_WORDS, summaryWords.count());
    long[] shingles = new long[titleWords.count() + comparedSummary];
    int n = addShingles(titleWords, titleWords.count(), shingles, 0);
    n = addShingles(summaryWords, comparedSummary, shingles, n);
    Arrays.sort(shingles, 0, n);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (distinct == 0 || shingles[i] != shingles[distinct - 1]) {
        shingles[distinct++] = shingles[i];
      }
    }
    return new Fingerprint(
        distinct < MIN_SHINGLES ? null : MinHash.signature(shingles, distinct),
        Marks.of(titleWords, summaryWords, comparedSummary));
  }

  /** Restores a stored fingerprint ({@link #signatureBytes()}, {@link #marks()}). */
  public static Fingerprint restore(byte[] signatureBytes, String marks) {
    return new Fingerprint(MinHash.fromBytes(signatureBytes), Marks.restore(marks));
  }

  /** Whether the text is too short to compare; such a text has no near duplicates. */
  public boolean isEmpty() {
    return signature == null;
  }

  /** The signature as bytes for storage, or {@code null} when empty. */
  public byte[] signatureBytes() {
    return signature == null ? null : MinHash.toBytes(signature);
  }

  /**
   * Numbers and names for storage: those of the compared words, sorted and separated by
   * {@code |}, then {@code #} and those found only further in the text.
   */
  public String marks() {
    return marks.stored();
  }

  /** The {@link #BANDS} LSH band hashes (the band's index is mixed in), empty when empty. */
  public long[] bands() {
    return signature == null ? new long[0] : MinHash.bands(signature, BANDS);
  }

  /**
   * Four bits of each signature value ({@value #SKETCH_LONGS} longs), empty when empty: enough
   * to tell, from 32 bytes kept in memory, that a stored text cannot be near this one ({@link
   * #mayBeNear}).
   */
  public long[] sketch() {
    return sketch.clone();
  }

  /**
   * False when the sketch at {@code stored[from]} (of {@link #sketch}'s length) proves that its
   * text's similarity to this one is below {@link StoryIdentity#NEAR_THRESHOLD}: signatures
   * never agree at more positions than their sketches. True when it may reach it.
   */
  public boolean mayBeNear(long[] stored, int from) {
    return signature != null
        && MinHash.sketchAgreement(stored, from, sketch) >= LEAST_NEAR_AGREEING;
  }

  /** The estimated Jaccard similarity of the two bigram sets, 0 to 1. */
  public double similarity(Fingerprint other) {
    if (signature == null || other.signature == null) {
      return 0;
    }
    return MinHash.similarity(signature, other.signature);
  }

  /**
   * Whether the marks contradict each other: each text has, in its compared words, a number or
   * name that the other lacks in its whole text. One text having more (a longer summary, a
   * figure moved further on) is no contradiction; two different provinces, dates or figures
   * are.
   */
  public boolean contradicts(Fingerprint other) {
    return marks.contradicts(other.marks);
  }

  /** Word bigrams of the first {@code count} words, hashed; a lone word counts as one. */
  private static int addShingles(Words words, int count, long[] shingles, int n) {
    if (count == 1) {
      shingles[n++] = words.hash(0);
    }
    for (int i = 0; i + 1 < count; i++) {
      shingles[n++] = words.pairHash(i, i + 1);
    }
    return n;
  }

  /** NFC; most feed text already is, and the quick check costs far less than normalizing. */
  private static String nfc(String s) {
    if (s == null) {
      return "";
    }
    return Normalizer.isNormalized(s, Normalizer.Form.NFC)
        ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
  }
}
