package vn.bantin.curate;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The two forms keywords and stories are compared in: {@link #lower} and {@link #foldDiacritics}.
 * Both run once per story a keyword category files, on the store's one writer thread, so
 * Vietnamese text (Latin letters, their combining marks, Latin Extended Additional, where its
 * precomposed letters live, and the punctuation and currency signs news text is set with: – “ ”
 * … ₫) takes a path of its own: a character loop and a table built at start from the general
 * rule, which every other text still follows. Pure and thread-safe.
 */
final class KeywordForms {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  /** Where the table starts: below it every character is ASCII and its own fold. */
  private static final char LATIN_FROM = 0x80;
  /** Where Greek starts, after the Latin blocks and the combining diacritical marks. */
  private static final char LATIN_TO = 0x370;
  /** Latin Extended Additional, Greek Extended, General Punctuation, Currency Symbols. */
  private static final char EXTENDED_FROM = 0x1E00;
  private static final char EXTENDED_TO = 0x20D0;
  /** A table's mark for a character the fold removes; a noncharacter, never a fold itself. */
  private static final char REMOVED = '\uFFFF';
  /** A table's mark for a character that folds to more than one. */
  private static final char LONGER = '\uFFFE';
  private static final char[] LATIN = table(LATIN_FROM, LATIN_TO);
  private static final char[] EXTENDED = table(EXTENDED_FROM, EXTENDED_TO);

  private KeywordForms() {}

  /** Lower case after NFC with runs of white space (line breaks too) made one space. */
  static String lower(String s) {
    String nfc = Normalizer.isNormalized(s, Normalizer.Form.NFC)
        ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    String lower = nfc.toLowerCase(Locale.ROOT);
    // As Pattern's \s+ replaced by one space: Java's \s is these six characters. Into an array,
    // not a StringBuilder: its append per character was a third of filing a story.
    char[] out = new char[lower.length()];
    int length = 0;
    boolean inSpace = false;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f'
          || c == '\r';
      if (!space) {
        out[length++] = c;
      } else if (!inSpace) {
        out[length++] = ' ';
      }
      inSpace = space;
    }
    // String.strip's ends, without its copy: white space is all in the Basic Multilingual Plane.
    int start = 0;
    while (start < length && Character.isWhitespace(out[start])) {
      start++;
    }
    while (length > start && Character.isWhitespace(out[length - 1])) {
      length--;
    }
    return new String(out, start, length - start);
  }

  /**
   * Removes Vietnamese (and any) diacritics, đ folding to d as Vietnamese readers expect: the
   * canonical decomposition without its marks, composed again ({@link #foldByNormalizer}).
   */
  static String foldDiacritics(String s) {
    char[] out = new char[s.length()];
    int length = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char fold;
      if (c < LATIN_FROM) {
        fold = c;
      } else if (c < LATIN_TO) {
        fold = LATIN[c - LATIN_FROM];
      } else if (c >= EXTENDED_FROM && c < EXTENDED_TO) {
        fold = EXTENDED[c - EXTENDED_FROM];
      } else {
        return foldByNormalizer(s);
      }
      if (fold == LONGER) {
        return foldByNormalizer(s);
      }
      if (fold != REMOVED) {
        out[length++] = fold;
      }
    }
    return new String(out, 0, length);
  }

  /**
   * The general rule: NFD, every mark removed, đ made d, NFC. Character by character it gives
   * the same as on the whole text in the tables' ranges, where no letter left after the marks
   * are gone composes with its neighbour (KeywordFormsTest checks every pair).
   */
  static String foldByNormalizer(String s) {
    String stripped = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    return Normalizer.normalize(stripped.replace('đ', 'd').replace('Đ', 'D'),
        Normalizer.Form.NFC);
  }

  /**
   * Each character's fold by the general rule: one character, {@link #REMOVED} (a mark) or
   * {@link #LONGER} (none in the tables' ranges today; such text takes the general rule).
   */
  private static char[] table(char from, char to) {
    char[] folds = new char[to - from];
    for (char c = from; c < to; c++) {
      String fold = foldByNormalizer(String.valueOf(c));
      folds[c - from] = fold.isEmpty() ? REMOVED : fold.length() == 1 ? fold.charAt(0) : LONGER;
    }
    return folds;
  }
}
