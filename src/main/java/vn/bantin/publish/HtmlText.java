package vn.bantin.publish;

import java.util.Locale;

/** Untrusted text made safe for the HTML list: escaping, link filtering, plain-text excerpts. */
final class HtmlText {

  private static final String ELLIPSIS = "…";
  /** A cut this far back from the limit loses too much; cut inside the word instead. */
  private static final double MIN_WORD_CUT = 0.6;

  private HtmlText() {}

  /**
   * {@code s} escaped for HTML text and for a double- or single-quoted attribute value alike;
   * characters XML cannot carry are dropped too, so the page reads as the feeds do. {@code null}
   * becomes empty.
   */
  static String escape(String s) {
    String safe = CharFilter.xmlSafe(s);
    StringBuilder out = new StringBuilder(safe.length() + 16);
    for (int i = 0; i < safe.length(); i++) {
      char c = safe.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * {@code url} if it may become an {@code href}: an absolute http or https URL, trimmed; else
   * {@code null}. Nothing else passes, so no {@code javascript:}, {@code data:} or relative link
   * of upstream origin reaches the page (the CSP forbids scripts as a second line of defence).
   */
  static String httpHref(String url) {
    if (url == null) {
      return null;
    }
    // Browsers strip leading and trailing C0 controls and spaces (URL Standard, basic parser);
    // strip() covers the same, so what we check is what the browser would follow.
    String u = url.strip();
    String lower = u.toLowerCase(Locale.ROOT);
    boolean http = lower.startsWith("http://") || lower.startsWith("https://");
    return http && u.codePoints().noneMatch(Character::isISOControl) ? u : null;
  }

  /**
   * The plain text of sanitized {@code html}, cut to at most {@code max} characters plus "…" at a
   * word boundary when longer. Markup never survives: the text is what a reader would see.
   */
  static String excerpt(String html, int max) {
    if (html == null || html.isBlank()) {
      return "";
    }
    String text = SummaryText.of(html).strip(); // whitespace already collapsed
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max);
    if (cut < max * MIN_WORD_CUT) {
      cut = Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max; // keep a pair whole
    }
    String kept = text.substring(0, cut).stripTrailing();
    // "…" replaces the cut; a dangling comma or dash before it would read as an error.
    while (!kept.isEmpty() && ",;:–-".indexOf(kept.charAt(kept.length() - 1)) >= 0) {
      kept = kept.substring(0, kept.length() - 1).stripTrailing();
    }
    return kept + ELLIPSIS;
  }
}
