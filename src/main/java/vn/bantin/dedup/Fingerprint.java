package vn.bantin.dedup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The near-duplicate fingerprint of a story's text (contract rule 4): a MinHash signature over
 * word bigrams of the title and the beginning of the summary, after bylines are removed, and the
 * "marks" that tell otherwise alike texts apart (numbers, capitalized names).
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
  static final int SIZE = 64;
  /** LSH bands; {@link #SIZE} / BANDS rows each. */
  public static final int BANDS = 16;
  private static final int ROWS = SIZE / BANDS;
  /** Summary words compared: republications often cut the summary after its first sentence. */
  static final int SUMMARY_WORDS = 30;
  /** Fewer distinct word pairs than this say too little to call two texts the same story. */
  static final int MIN_SHINGLES = 8;

  private static final long[] SEEDS = seeds();
  private static final String[] NONE = new String[0];

  private final int[] signature;
  /** Marks of the compared words (title and first summary words), sorted, distinct. */
  private final String[] compared;
  /** Marks of the whole text, a superset of {@link #compared}, sorted, distinct. */
  private final String[] all;

  private Fingerprint(int[] signature, String[] compared, String[] all) {
    this.signature = signature;
    this.compared = compared;
    this.all = all;
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
    List<String> marks = new ArrayList<>();
    collectMarks(titleWords, titleWords.count(), marks);
    collectMarks(summaryWords, comparedSummary, marks);
    String[] compared = sortedSet(marks);
    collectMarks(summaryWords, summaryWords.count(), marks);
    return new Fingerprint(distinct < MIN_SHINGLES ? null : signature(shingles, distinct),
        compared, sortedSet(marks));
  }

  /** Restores a stored fingerprint ({@link #signatureBytes()}, {@link #marks()}). */
  public static Fingerprint restore(byte[] signatureBytes, String marks) {
    int[] signature = null;
    if (signatureBytes != null && signatureBytes.length == SIZE * Integer.BYTES) {
      signature = new int[SIZE];
      for (int i = 0, b = 0; i < SIZE; i++, b += 4) { // big-endian, as ByteBuffer wrote it
        signature[i] = (signatureBytes[b] & 0xff) << 24 | (signatureBytes[b + 1] & 0xff) << 16
            | (signatureBytes[b + 2] & 0xff) << 8 | (signatureBytes[b + 3] & 0xff);
      }
    }
    String text = marks == null ? "" : marks;
    int hash = text.indexOf('#');
    List<String> list = new ArrayList<>();
    addMarks(hash < 0 ? text : text.substring(0, hash), list);
    String[] compared = sortedSet(list);
    if (hash >= 0) {
      addMarks(text.substring(hash + 1), list);
    }
    return new Fingerprint(signature, compared, hash < 0 ? compared : sortedSet(list));
  }

  /** Whether the text is too short to compare; such a text has no near duplicates. */
  public boolean isEmpty() {
    return signature == null;
  }

  /** The signature as bytes for storage, or {@code null} when empty. */
  public byte[] signatureBytes() {
    if (signature == null) {
      return null;
    }
    byte[] bytes = new byte[SIZE * Integer.BYTES];
    for (int i = 0, b = 0; i < SIZE; i++, b += 4) { // big-endian, as ByteBuffer writes
      int v = signature[i];
      bytes[b] = (byte) (v >>> 24);
      bytes[b + 1] = (byte) (v >>> 16);
      bytes[b + 2] = (byte) (v >>> 8);
      bytes[b + 3] = (byte) v;
    }
    return bytes;
  }

  /**
   * Numbers and names for storage: those of the compared words, sorted and separated by
   * {@code |}, then {@code #} and those found only further in the text.
   */
  public String marks() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < compared.length; i++) {
      out.append(i == 0 ? "" : "|").append(compared[i]);
    }
    boolean first = true;
    for (String mark : all) {
      if (Arrays.binarySearch(compared, mark) < 0) {
        out.append(first ? "#" : "|").append(mark);
        first = false;
      }
    }
    return out.toString();
  }

  /** The {@link #BANDS} LSH band hashes (the band's index is mixed in), empty when empty. */
  public long[] bands() {
    if (signature == null) {
      return new long[0];
    }
    long[] bands = new long[BANDS];
    for (int b = 0; b < BANDS; b++) {
      long h = mix(b + 1);
      for (int r = 0; r < ROWS; r++) {
        h = mix(h ^ (signature[b * ROWS + r] & 0xffffffffL));
      }
      bands[b] = h;
    }
    return bands;
  }

  /** The estimated Jaccard similarity of the two bigram sets, 0 to 1. */
  public double similarity(Fingerprint other) {
    if (signature == null || other.signature == null) {
      return 0;
    }
    int equal = 0;
    for (int i = 0; i < SIZE; i++) {
      if (signature[i] == other.signature[i]) {
        equal++;
      }
    }
    return equal / (double) SIZE;
  }

  /**
   * Whether the marks contradict each other: each text has, in its compared words, a number or
   * name that the other lacks in its whole text. One text having more (a longer summary, a
   * figure moved further on) is no contradiction; two different provinces, dates or figures
   * are.
   */
  public boolean contradicts(Fingerprint other) {
    return !coveredBy(compared, other.all) && !coveredBy(other.compared, all);
  }

  /**
   * Whether every mark of {@code marks} is in {@code other}; a name also counts as there when
   * one of the other's names contains it or is contained in it ("tỉnh lào cai", "lào cai").
   */
  private static boolean coveredBy(String[] marks, String[] other) {
    for (String mark : marks) {
      if (Arrays.binarySearch(other, mark) < 0 && !(isName(mark) && nameOverlaps(mark, other))) {
        return false;
      }
    }
    return true;
  }

  private static boolean nameOverlaps(String name, String[] other) {
    for (String o : other) {
      if (isName(o) && (o.contains(name) || name.contains(o))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isName(String mark) {
    return !Character.isDigit(mark.charAt(0));
  }

  /** The marks of a stored {@code a|b|c} list, split as String.split does (no trailing ""). */
  private static void addMarks(String marks, List<String> out) {
    if (!marks.isEmpty()) {
      out.addAll(Arrays.asList(marks.split("\\|")));
    }
  }

  /** The distinct marks in natural order, what the first version's TreeSet held. */
  private static String[] sortedSet(List<String> marks) {
    if (marks.isEmpty()) {
      return NONE;
    }
    String[] sorted = marks.toArray(NONE);
    Arrays.sort(sorted);
    int distinct = 0;
    for (String mark : sorted) {
      if (distinct == 0 || !mark.equals(sorted[distinct - 1])) {
        sorted[distinct++] = mark;
      }
    }
    return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
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

  private static int[] signature(long[] shingles, int count) {
    int[] signature = new int[SIZE];
    Arrays.fill(signature, Integer.MAX_VALUE);
    for (int s = 0; s < count; s++) {
      long shingle = shingles[s];
      for (int i = 0; i < SIZE; i++) {
        int h = (int) mix(shingle ^ SEEDS[i]);
        if (h < signature[i]) {
          signature[i] = h;
        }
      }
    }
    return signature;
  }

  /**
   * Numbers, and names: runs of two or more capitalized words ("Lai Châu", "Điện Biên Phủ").
   * Vietnamese capitalizes every syllable of a proper name but only the first of a title or an
   * institution ("Bí thư", "Chính phủ"), so runs find places and people, not roles. Looks at
   * the first {@code count} words.
   */
  private static void collectMarks(Words words, int count, List<String> marks) {
    StringBuilder run = new StringBuilder();
    int length = 0;
    for (int t = 0; t < count; t++) {
      if (words.capitalized(t) && words.joinsPrevious(t) && length > 0) {
        words.appendTo(t, run.append(' '));
        length++;
        continue;
      }
      if (length >= 2) {
        marks.add(run.toString());
      }
      run.setLength(0);
      length = 0;
      if (words.capitalized(t)) {
        words.appendTo(t, run);
        length = 1;
      } else if (words.startsWithDigit(t)) {
        marks.add(words.word(t));
      }
    }
    if (length >= 2) {
      marks.add(run.toString());
    }
  }

  /** NFC; most feed text already is, and the quick check costs far less than normalizing. */
  private static String nfc(String s) {
    if (s == null) {
      return "";
    }
    return Normalizer.isNormalized(s, Normalizer.Form.NFC)
        ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  /** SplitMix64's finalizer: a cheap, well-mixed 64-bit permutation. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static long[] seeds() {
    long[] seeds = new long[SIZE];
    long s = 0x6261_6e74_696eL; // "bantin"
    for (int i = 0; i < SIZE; i++) {
      s += 0x9e3779b97f4a7c15L;
      seeds[i] = mix(s);
    }
    return seeds;
  }
}
