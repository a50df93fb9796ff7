package vn.bantin.publish;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jsoup.Jsoup;

/**
 * The plain text of a story's sanitized HTML, exactly as {@code
 * Jsoup.parseBodyFragment(html).text()} gives it, at a fraction of its cost: HTML that is plain
 * text takes a direct path, and the rest is parsed once per distinct HTML, not once per render.
 * Pure and thread-safe.
 */
final class SummaryText {

  /**
   * The most characters (HTML and text together) the cache holds, about 8 MB of UTF-16: the
   * summaries of some 5,000 stories, more than the categories' feeds show at once.
   */
  static final int MAX_CACHED_CHARS = 4_000_000;

  // A category feed is rendered again whenever one of its stories changes, in each format asked
  // for, and a story is in several categories: most renderings repeat the text of stories
  // rendered before. The cache is shared by JSON Feed and the HTML list, keyed by the HTML itself
  // (store reads return new Story objects), and evicts on the caller's thread.
  private static final Cache<String, String> PARSED = Caffeine.newBuilder()
      .maximumWeight(MAX_CACHED_CHARS)
      .weigher((String html, String text) -> html.length() + text.length())
      .executor(Runnable::run)
      .build();

  private SummaryText() {}

  /** The text of {@code html} (not null): its characters without markup, whitespace collapsed. */
  static String of(String html) {
    if (isPlain(html)) {
      return collapseWhitespace(html);
    }
    return PARSED.get(html, SummaryText::parse);
  }

  /** What the renderers called before this class: the reference its result must equal. */
  static String parse(String html) {
    return Jsoup.parseBodyFragment(html).text();
  }

  /**
   * Whether the HTML tokenizer's data state would read {@code html} as one run of characters:
   * it changes state only at {@code <} and {@code &} (WHATWG HTML 13.2.5.1) and drops or reports
   * U+0000. Such a fragment parses to one text node in the body.
   */
  static boolean isPlain(String html) {
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
   * and the result loses leading and trailing characters up to U+0020. SummaryTextTest compares
   * it with jsoup itself, so a jsoup upgrade that changes the rule fails there.
   */
  static String collapseWhitespace(String text) {
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
