package vn.bantin.dedup;

import java.text.Normalizer;
import java.util.Locale;

/** The normalized form of a title under which two titles are the same (contract, rule 3). */
public final class TitleKey {

  // Punctuation and symbols separate words like spaces do, so "Covid-19" and "Covid 19" agree:
  // what the regex [\p{P}\p{S}\p{Z}\s] matched, by Character.getType of the code point.
  private static final int SEPARATOR_TYPES = 1 << Character.CONNECTOR_PUNCTUATION
      | 1 << Character.DASH_PUNCTUATION | 1 << Character.START_PUNCTUATION
      | 1 << Character.END_PUNCTUATION | 1 << Character.INITIAL_QUOTE_PUNCTUATION
      | 1 << Character.FINAL_QUOTE_PUNCTUATION | 1 << Character.OTHER_PUNCTUATION
      | 1 << Character.MATH_SYMBOL | 1 << Character.CURRENCY_SYMBOL
      | 1 << Character.MODIFIER_SYMBOL | 1 << Character.OTHER_SYMBOL
      | 1 << Character.SPACE_SEPARATOR | 1 << Character.LINE_SEPARATOR
      | 1 << Character.PARAGRAPH_SEPARATOR;

  private TitleKey() {}

  /**
   * The title key: NFC, lower case, punctuation and whitespace collapsed to single spaces,
   * trimmed. Vietnamese diacritics are kept, since they tell words apart ("Đảng" is not "đang").
   *
   * <p>Keys are stored, so this returns exactly what the first version's regular expressions
   * did (DedupEquivalenceTest): format characters ({@code \p{Cf}}: soft hyphen, zero-width space,
   * BOM) dropped, then each run of separators replaced by one space, then {@link String#strip}.
   * One pass by hand does both replacements, since it runs for every new entry on the store's
   * writer thread.
   *
   * @return the key, or {@code null} when nothing is left (an empty title never matches)
   */
  public static String of(String title) {
    if (title == null) {
      return null;
    }
    String text = nfc(title);
    // Lower-casing can produce combining marks (e.g. U+0130), hence NFC once more.
    text = nfc(text.toLowerCase(Locale.ROOT));
    StringBuilder out = new StringBuilder(text.length());
    boolean separator = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.FORMAT) {
        continue; // invisible: dropped, and a separator run goes on across it
      }
      if ((1 << type & SEPARATOR_TYPES) != 0 || isRegexSpace(cp)) {
        separator = true;
        continue;
      }
      if (separator) {
        out.append(' ');
        separator = false;
      }
      out.appendCodePoint(cp);
    }
    if (separator) {
      out.append(' ');
    }
    String key = out.toString().strip();
    return key.isEmpty() ? null : key;
  }

  /** The regex {@code \s} without UNICODE_CHARACTER_CLASS: {@code [ \t\n\x0B\f\r]}. */
  private static boolean isRegexSpace(int c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  private static String nfc(String s) {
    return Normalizer.isNormalized(s, Normalizer.Form.NFC)
        ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
  }
}
