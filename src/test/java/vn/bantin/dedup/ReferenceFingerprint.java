package vn.bantin.dedup;

import java.nio.ByteBuffer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FROZEN REFERENCE: the algorithm of {@code Fingerprint} as it was before the allocation-free
 * rewrite (commit 1350cf2), kept unchanged so that {@link DedupEquivalenceTest} can prove the
 * rewrite returns exactly the same outputs (they are stored in databases in use). Do not edit
 * or "improve" it.
 */
/**
 * The near-duplicate fingerprint of a story's text (contract rule 4): a MinHash signature over
 * word bigrams of the title and the beginning of the summary, after bylines are removed, and the
 * "marks" that tell otherwise alike texts apart (numbers, capitalized names).
 *
 * <p>Similar signatures find candidates through locality-sensitive hashing: the signature is cut
 * into {@link #BANDS} bands, and two texts sharing any band hash are compared. The thresholds
 * live in {@link StoryIdentity} and were chosen on the labeled pairs in the test resources.
 */
final class ReferenceFingerprint {
  /** Hash functions in the signature. */
  static final int SIZE = 64;
  /** LSH bands; {@link #SIZE} / BANDS rows each. */
  public static final int BANDS = 16;
  private static final int ROWS = SIZE / BANDS;
  /** Summary words compared: republications often cut the summary after its first sentence. */
  static final int SUMMARY_WORDS = 30;
  /** Fewer distinct word pairs than this say too little to call two texts the same story. */
  static final int MIN_SHINGLES = 8;

  private static final Pattern TOKEN =
      Pattern.compile("\\p{N}+(?:[.,/:]\\p{N}+)*|[\\p{L}\\p{M}]+");
  private static final Pattern SPACE = Pattern.compile("[ \\t\\u00a0]+");
  private static final long[] SEEDS = seeds();

  private final int[] signature;
  /** Marks of the compared words (title and first summary words). */
  private final Set<String> compared;
  /** Marks of the whole text, a superset of {@link #compared}. */
  private final Set<String> all;

  private ReferenceFingerprint(int[] signature, Set<String> compared, Set<String> all) {
    this.signature = signature;
    this.compared = compared;
    this.all = all;
  }

  /** The fingerprint of a title and a plain-text summary (either may be empty). */
  public static ReferenceFingerprint of(String title, String summary) {
    List<Token> titleTokens = tokens(ReferenceBylines.strip(nfc(title)));
    List<Token> summaryTokens = tokens(ReferenceBylines.strip(nfc(summary)));
    Set<Long> shingles = new HashSet<>();
    addShingles(titleTokens, shingles);
    List<Token> comparedSummary =
        summaryTokens.subList(0, Math.min(SUMMARY_WORDS, summaryTokens.size()));
    addShingles(comparedSummary, shingles);
    Set<String> compared = new TreeSet<>();
    collectMarks(titleTokens, compared);
    collectMarks(comparedSummary, compared);
    Set<String> all = new TreeSet<>(compared);
    collectMarks(summaryTokens, all);
    return new ReferenceFingerprint(shingles.size() < MIN_SHINGLES ? null : signature(shingles),
        compared, all);
  }

  /** Restores a stored fingerprint ({@link #signatureBytes()}, {@link #marks()}). */
  public static ReferenceFingerprint restore(byte[] signatureBytes, String marks) {
    int[] signature = null;
    if (signatureBytes != null && signatureBytes.length == SIZE * Integer.BYTES) {
      signature = new int[SIZE];
      ByteBuffer.wrap(signatureBytes).asIntBuffer().get(signature);
    }
    String text = marks == null ? "" : marks;
    int hash = text.indexOf('#');
    Set<String> compared = markSet(hash < 0 ? text : text.substring(0, hash));
    Set<String> all = new TreeSet<>(compared);
    all.addAll(markSet(hash < 0 ? "" : text.substring(hash + 1)));
    return new ReferenceFingerprint(signature, compared, all);
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
    ByteBuffer buffer = ByteBuffer.allocate(SIZE * Integer.BYTES);
    buffer.asIntBuffer().put(signature);
    return buffer.array();
  }

  /**
   * Numbers and names for storage: those of the compared words, sorted and separated by
   * {@code |}, then {@code #} and those found only further in the text.
   */
  public String marks() {
    Set<String> rest = new TreeSet<>(all);
    rest.removeAll(compared);
    return String.join("|", compared) + (rest.isEmpty() ? "" : "#" + String.join("|", rest));
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
  public double similarity(ReferenceFingerprint other) {
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
  public boolean contradicts(ReferenceFingerprint other) {
    return !coveredBy(compared, other.all) && !coveredBy(other.compared, all);
  }

  /**
   * Whether every mark of {@code marks} is in {@code other}; a name also counts as there when
   * one of the other's names contains it or is contained in it ("tỉnh lào cai", "lào cai").
   */
  private static boolean coveredBy(Set<String> marks, Set<String> other) {
    for (String mark : marks) {
      if (!other.contains(mark) && !(isName(mark) && other.stream()
          .anyMatch(o -> isName(o) && (o.contains(mark) || mark.contains(o))))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isName(String mark) {
    return !Character.isDigit(mark.charAt(0));
  }

  private static Set<String> markSet(String marks) {
    return marks.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(marks.split("\\|")));
  }

  /** Word bigrams, hashed; a lone word counts as one. */
  private static void addShingles(List<Token> tokens, Set<Long> shingles) {
    if (tokens.size() == 1) {
      shingles.add(hash(tokens.get(0).word));
    }
    for (int i = 0; i + 1 < tokens.size(); i++) {
      shingles.add(hash(tokens.get(i).word + " " + tokens.get(i + 1).word));
    }
  }

  private static int[] signature(Set<Long> shingles) {
    int[] signature = new int[SIZE];
    Arrays.fill(signature, Integer.MAX_VALUE);
    for (long shingle : shingles) {
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
   * institution ("Bí thư", "Chính phủ"), so runs find places and people, not roles.
   */
  private static void collectMarks(List<Token> tokens, Set<String> marks) {
    StringBuilder run = new StringBuilder();
    int length = 0;
    for (Token t : tokens) {
      if (t.capitalized && t.joinsPrevious && length > 0) {
        run.append(' ').append(t.word);
        length++;
        continue;
      }
      if (length >= 2) {
        marks.add(run.toString());
      }
      run.setLength(0);
      length = 0;
      if (t.capitalized) {
        run.append(t.word);
        length = 1;
      } else if (Character.isDigit(t.word.charAt(0))) {
        marks.add(t.word);
      }
    }
    if (length >= 2) {
      marks.add(run.toString());
    }
  }

  private static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    int previousEnd = -1;
    while (m.find()) {
      String raw = m.group();
      boolean joins = previousEnd >= 0 && SPACE.matcher(text.substring(previousEnd, m.start()))
          .matches();
      tokens.add(new Token(raw.toLowerCase(Locale.ROOT),
          Character.isUpperCase(raw.codePointAt(0)), joins));
      previousEnd = m.end();
    }
    return tokens;
  }

  private static String nfc(String s) {
    return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  /** FNV-1a over the UTF-16 code units: stable across JVMs and versions, unlike nothing else. */
  private static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
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

  /** A lower-cased word; {@code joinsPrevious} when only spaces separate it from the last. */
  private record Token(String word, boolean capitalized, boolean joinsPrevious) {}
}
