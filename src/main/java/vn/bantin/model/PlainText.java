package vn.bantin.model;

import org.jsoup.Jsoup;

/**
 * The plain text of a story's sanitized HTML as dedup fingerprints and keyword categories read
 * it: exactly {@code Jsoup.parse(html).text()}, which stored fingerprints and memberships were
 * computed with, at a fraction of its cost. HTML that is plain text takes a direct path, and each
 * thread remembers the last HTML it parsed, because the store's keys thread reads each new
 * entry's text twice in a row, for its fingerprint and for its categories. Pure and thread-safe.
 */
public final class PlainText {

  /** Per thread, the last HTML parsed and its text. */
  private static final ThreadLocal<String[]> LAST = ThreadLocal.withInitial(() -> new String[2]);

  private PlainText() {}

  /** The text of {@code html} (not null): its characters without markup, whitespace collapsed. */
  public static String of(String html) {
    if (isPlain(html)) {
      return collapseWhitespace(html);
    }
    String[] last = LAST.get();
    if (!html.equals(last[0])) {
      last[1] = parse(html);
      last[0] = html;
    }
    return last[1];
  }

  /** What {@link #of} must equal. */
  static String parse(String html) {
    return Jsoup.parse(html).text();
  }

  /**
   * Whether the HTML tokenizer's data state would read {@code html} as one run of characters:
   * it changes state only at {@code <} and {@code &} (WHATWG HTML 13.2.5.1) and drops or reports
   * U+0000. Such a text parses to one text node in the body, as a document or as a fragment.
   */
  public static boolean isPlain(String html) {
    for (int i = 0; i < html.length(); i++) {
      char c = html.charAt(i);
      if (c == '<' || c == '&' || c == '\0') {
        return false;
      }
    }
    return true;
  }

  /**
   * jsoup's {@code Element.text()} of one text node (jsoup 1.21 {@code
   * StringUtil.appendNormalisedWhitespace}, then {@code String.trim()}): each run of space, tab,
   * LF, FF, CR or NO-BREAK SPACE becomes one space, ZERO WIDTH SPACE and SOFT HYPHEN are dropped,
   * and the result loses leading and trailing characters up to U+0020. PlainTextTest and
   * SummaryTextTest compare it with jsoup itself, so a jsoup upgrade that changes the rule fails
   * there.
   */
  public static String collapseWhitespace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean lastWasWhite = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00a0') {
        if (!lastWasWhite) {
          out.append(' ');
          lastWasWhite = true;
        }
      } else if (c != '\u200b' && c != '\u00ad') {
        out.append(c);
        lastWasWhite = false;
      }
    }
    return out.toString().trim();
  }
}
