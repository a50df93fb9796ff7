package vn.bantin.dedup;

import java.util.regex.Pattern;

/**
 * FROZEN REFERENCE: the algorithm of {@code Bylines} as it was before the allocation-free
 * rewrite (commit 1350cf2), kept unchanged so that {@link DedupEquivalenceTest} can prove the
 * rewrite returns exactly the same outputs (they are stored in databases in use). Do not edit
 * or "improve" it.
 */
/**
 * Removes the outlet bylines news sites put around a republished text ("VOV.VN - ", "(ĐCSVN) - ",
 * "(BLC) - ", "Theo VOV, ", "(Theo TTXVN)"), so that two outlets' copies of one story compare
 * equal. The patterns are generic (a short tag before a dash, "Theo X," first, "(Theo X)" last)
 * rather than a list of outlets, so a new source's byline needs no code.
 */
final class ReferenceBylines {
  // "VOV.VN - ", "(ĐCSVN) - ", "Lai Châu (TTXVN) - ", "ĐBP - ", "(baolaocai.vn) – ".
  private static final Pattern LEADING_TAG = Pattern.compile(
      "^\\s*(?:[\\p{Lu}][\\p{L}\\p{M}]*(?:\\s[\\p{Lu}][\\p{L}\\p{M}]*){0,3}\\s)?"
          + "(?:\\([^()]{1,30}\\)|[\\p{Lu}][\\p{Lu}\\p{M}.]{1,15}(?:\\.[\\p{L}]{2,3})?)"
          + "\\s*[-–—:]\\s+");
  // "Theo VOV, ", "Theo Báo Lai Châu, ", "Theo TTXVN: ".
  private static final Pattern LEADING_THEO = Pattern.compile(
      "^\\s*Theo\\s+[^,.:;]{1,40}[,:]\\s*");
  // "(Theo VOV)", "(TTXVN)", "- VOV" at the very end.
  private static final Pattern TRAILING = Pattern.compile(
      "\\s*(?:\\((?:Theo\\s+)?[^()]{1,30}\\)|[-–—]\\s*[\\p{Lu}][\\p{Lu}.]{1,15})\\s*\\.?\\s*$");

  private ReferenceBylines() {}

  /** {@code text} without a leading and a trailing byline. */
  static String strip(String text) {
    String s = LEADING_TAG.matcher(text).replaceFirst("");
    s = LEADING_THEO.matcher(s).replaceFirst("");
    return TRAILING.matcher(s).replaceFirst("");
  }
}
