package vn.bantin.dedup;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * FROZEN REFERENCE: the algorithm of {@code TitleKey} as it was before the allocation-free
 * rewrite (commit 1350cf2), kept unchanged so that {@link DedupEquivalenceTest} can prove the
 * rewrite returns exactly the same outputs (they are stored in databases in use). Do not edit
 * or "improve" it.
 */
/** The normalized form of a title under which two titles are the same (contract, rule 3). */
final class ReferenceTitleKey {

  // Punctuation and symbols separate words like spaces do, so "Covid-19" and "Covid 19" agree.
  private static final Pattern SEPARATORS = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\s]+");
  // Format characters (soft hyphen, zero-width space, BOM) are invisible: they are dropped.
  private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}+");

  private ReferenceTitleKey() {}

  /**
   * The title key: NFC, lower case, punctuation and whitespace collapsed to single spaces,
   * trimmed. Vietnamese diacritics are kept, since they tell words apart ("Đảng" is not "đang").
   *
   * @return the key, or {@code null} when nothing is left (an empty title never matches)
   */
  public static String of(String title) {
    if (title == null) {
      return null;
    }
    String text = Normalizer.normalize(title, Normalizer.Form.NFC);
    // Lower-casing can produce combining marks (e.g. U+0130), hence NFC once more.
    text = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    text = INVISIBLE.matcher(text).replaceAll("");
    text = SEPARATORS.matcher(text).replaceAll(" ").strip();
    return text.isEmpty() ? null : text;
  }
}
