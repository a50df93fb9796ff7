package vn.bantin.dedup;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the outlet bylines news sites put around a republished text ("VOV.VN - ", "(ĐCSVN) - ",
 * "(BLC) - ", "Theo VOV, ", "(Theo TTXVN)"), so that two outlets' copies of one story compare
 * equal. The patterns are generic (a short tag before a dash, "Theo X," first, "(Theo X)" last)
 * rather than a list of outlets, so a new source's byline needs no code.
 */
final class Bylines {
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

  private Bylines() {}

  /**
   * {@code text} without a leading and a trailing byline.
   *
   * <p>What this returns is stored inside fingerprints, so it must stay exactly what
   * {@code replaceFirst("")} with each pattern returned; two shortcuts keep it so at a fraction
   * of the cost (the regex engine tried every position of every summary). The leading patterns
   * start with {@code ^}, so only a match at 0 is possible: {@code lookingAt} finds that one
   * match without trying the other positions. The trailing pattern is only run when the text
   * can end with a byline (see {@link #mayEndWithByline}).
   */
  static String strip(String text) {
    String s = withoutMatchAtStart(LEADING_TAG, text);
    s = withoutMatchAtStart(LEADING_THEO, s);
    return mayEndWithByline(s) ? TRAILING.matcher(s).replaceFirst("") : s;
  }

  private static String withoutMatchAtStart(Pattern anchored, String text) {
    Matcher m = anchored.matcher(text);
    return m.lookingAt() ? text.substring(m.end()) : text;
  }

  /**
   * A necessary condition for {@link #TRAILING} to match: every match ends with ")" or with
   * upper-case letters and dots ("- VOV."), followed only by whitespace, at most one dot and the
   * line terminator {@code $} may stand before. So, with all trailing whitespace, dots and line
   * terminators skipped, the last character must be ")" or an upper-case letter ({@code
   * \p{Lu}}, by code point). Most summaries end with "." after a lower-case word and skip the
   * regex.
   */
  static boolean mayEndWithByline(String text) {
    int i = text.length();
    while (i > 0 && " \t\n\u000b\f\r.\u0085\u2028\u2029".indexOf(text.charAt(i - 1)) >= 0) {
      i--;
    }
    if (i == 0) {
      return false;
    }
    int last = text.codePointBefore(i);
    return last == ')' || Character.getType(last) == Character.UPPERCASE_LETTER;
  }
}
