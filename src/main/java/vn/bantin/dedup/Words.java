package vn.bantin.dedup;

import java.util.Arrays;
import java.util.Locale;

/**
 * The words of a text as {@link Fingerprint} compares them, lower-cased into one shared char
 * array instead of a String each.
 *
 * <p>This is a hand-written form of what was the regular expression
 * {@code \p{N}+(?:[.,/:]\p{N}+)*|[\p{L}\p{M}]+} found left to right (a number with inner
 * separators, or a run of letters and combining marks), kept because the fingerprint's regex,
 * its String per match and its lower-casing were most of the store writer's time per entry.
 * The outputs must stay exactly those of the regex (fingerprints are stored): categories are
 * {@link Character#getType(int)} of whole code points, as {@link java.util.regex.Pattern}'s
 * {@code \p{..}} uses, so supplementary characters count as one; DedupEquivalenceTest compares
 * this against a frozen copy of the regex code.
 */
final class Words {
  private static final int NUMBER = 1 << Character.DECIMAL_DIGIT_NUMBER
      | 1 << Character.LETTER_NUMBER | 1 << Character.OTHER_NUMBER;
  private static final int LETTER_OR_MARK = 1 << Character.UPPERCASE_LETTER
      | 1 << Character.LOWERCASE_LETTER | 1 << Character.TITLECASE_LETTER
      | 1 << Character.MODIFIER_LETTER | 1 << Character.OTHER_LETTER
      | 1 << Character.NON_SPACING_MARK | 1 << Character.ENCLOSING_MARK
      | 1 << Character.COMBINING_SPACING_MARK;
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /** The lower-cased words, one after the other. */
  private char[] chars;
  private int used;
  private int[] start = new int[16];
  private int[] end = new int[16];
  /** FNV-1a of each lower-cased word. */
  private long[] hash = new long[16];
  /** Whether the word's first code point is upper case (before lower-casing). */
  private boolean[] capitalized = new boolean[16];
  /** Whether only spaces, tabs or no-break spaces separate the word from the previous one. */
  private boolean[] joinsPrevious = new boolean[16];
  private int count;

  private Words(int capacity) {
    chars = new char[capacity];
  }

  /** The words of {@code text}. */
  static Words of(String text) {
    Words words = new Words(text.length() + 8);
    int n = text.length();
    int previousEnd = -1;
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      int category = 1 << Character.getType(cp);
      int wordEnd;
      if ((category & NUMBER) != 0) {
        wordEnd = numberEnd(text, i);
      } else if ((category & LETTER_OR_MARK) != 0) {
        wordEnd = runEnd(text, i, LETTER_OR_MARK);
      } else {
        i += Character.charCount(cp);
        continue;
      }
      words.add(text, i, wordEnd, previousEnd >= 0 && onlySpaces(text, previousEnd, i));
      previousEnd = wordEnd;
      i = wordEnd;
    }
    return words;
  }

  /** The end of {@code \p{N}+(?:[.,/:]\p{N}+)*} from {@code from}, greedy as the regex is. */
  private static int numberEnd(String text, int from) {
    int i = runEnd(text, from, NUMBER);
    while (i + 1 < text.length() && ".,/:".indexOf(text.charAt(i)) >= 0
        && isNumber(text.codePointAt(i + 1))) {
      i = runEnd(text, i + 1, NUMBER);
    }
    return i;
  }

  private static boolean isNumber(int cp) {
    return ((1 << Character.getType(cp)) & NUMBER) != 0;
  }

  private static int runEnd(String text, int from, int categories) {
    int i = from;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (((1 << Character.getType(cp)) & categories) == 0) {
        break;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  /** Whether [from, to) is non-empty and only {@code [ \t\u00a0]}, the old SPACE pattern. */
  private static boolean onlySpaces(String text, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\u00a0') {
        return false;
      }
    }
    return true;
  }

  private void add(String text, int from, int to, boolean joins) {
    if (count == start.length) {
      int size = count * 2;
      start = Arrays.copyOf(start, size);
      end = Arrays.copyOf(end, size);
      hash = Arrays.copyOf(hash, size);
      capitalized = Arrays.copyOf(capitalized, size);
      joinsPrevious = Arrays.copyOf(joinsPrevious, size);
    }
    int wordStart = used;
    lowerCase(text, from, to);
    long h = FNV_OFFSET;
    for (int k = wordStart; k < used; k++) {
      h = (h ^ chars[k]) * FNV_PRIME;
    }
    start[count] = wordStart;
    end[count] = used;
    hash[count] = h;
    capitalized[count] = Character.isUpperCase(text.codePointAt(from));
    joinsPrevious[count] = joins;
    count++;
  }

  /**
   * Appends {@code text.substring(from, to).toLowerCase(Locale.ROOT)}. String.toLowerCase maps
   * each code point with {@link Character#toLowerCase(int)} except capital sigma (final form
   * depends on the context) and dotted capital I (two chars); words holding either take the
   * String path itself.
   */
  private void lowerCase(String text, int from, int to) {
    ensure(2 * (to - from));
    for (int i = from; i < to; ) {
      int cp = text.codePointAt(i);
      if (cp == '\u03a3' || cp == '\u0130') {
        appendSlow(text, from, to);
        return;
      }
      used += Character.toChars(Character.toLowerCase(cp), chars, used);
      i += Character.charCount(cp);
    }
  }

  private void appendSlow(String text, int from, int to) {
    // Drop what the fast path wrote for this word, then append String's own lower case.
    used = count == 0 ? 0 : end[count - 1];
    String lower = text.substring(from, to).toLowerCase(Locale.ROOT);
    ensure(lower.length());
    lower.getChars(0, lower.length(), chars, used);
    used += lower.length();
  }

  private void ensure(int more) {
    if (used + more > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + more));
    }
  }

  int count() {
    return count;
  }

  boolean capitalized(int word) {
    return capitalized[word];
  }

  boolean joinsPrevious(int word) {
    return joinsPrevious[word];
  }

  /** Whether the lower-cased word's first char is a digit (a number mark). */
  boolean startsWithDigit(int word) {
    return Character.isDigit(chars[start[word]]);
  }

  /** FNV-1a over the word's UTF-16 code units. */
  long hash(int word) {
    return hash[word];
  }

  /** FNV-1a over the code units of {@code word + " " + next}, without building that String. */
  long pairHash(int word, int next) {
    long h = (hash[word] ^ ' ') * FNV_PRIME;
    for (int k = start[next]; k < end[next]; k++) {
      h = (h ^ chars[k]) * FNV_PRIME;
    }
    return h;
  }

  /** Appends the lower-cased word to {@code out}. */
  void appendTo(int word, StringBuilder out) {
    out.append(chars, start[word], end[word] - start[word]);
  }

  String word(int word) {
    return new String(chars, start[word], end[word] - start[word]);
  }
}
