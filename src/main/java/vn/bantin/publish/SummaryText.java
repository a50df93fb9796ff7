package vn.bantin.publish;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jsoup.Jsoup;
import vn.bantin.model.PlainText;

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
    if (PlainText.isPlain(html)) {
      return PlainText.collapseWhitespace(html);
    }
    return PARSED.get(html, SummaryText::parse);
  }

  /** What the renderers called before this class: the reference its result must equal. */
  static String parse(String html) {
    return Jsoup.parseBodyFragment(html).text();
  }
}
