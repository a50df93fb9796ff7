package vn.bantin.normalize;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes publisher HTML safe to republish: an allow-list of structural tags and attributes (jsoup
 * {@link Safelist}), so scripts, styles, frames, objects, forms, event handlers, {@code style}
 * attributes and {@code javascript:}/{@code data:}/{@code vbscript:} URLs never survive, and
 * relative {@code href}/{@code src} become absolute against the entry's base URL. Immutable and
 * safe to share between threads.
 */
public final class HtmlSanitizer {

  /** Attributes lazy-loading scripts use for the real image while {@code src} holds a stub. */
  private static final String[] LAZY_SRC = {"data-src", "data-original", "data-lazy-src"};
  private static final int MAX_CAP_ATTEMPTS = 8;

  private final Safelist safelist;

  public HtmlSanitizer() {
    // relaxed() is already structure-only (no style, script, iframe, on*); we narrow it further.
    this.safelist = Safelist.relaxed()
        .addTags("figure", "figcaption")
        .removeTags("h1") // the entry title is the page's heading; h1 text stays as text
        .removeProtocols("a", "href", "ftp")
        .removeAttributes("img", "align")
        .removeAttributes("table", "width")
        .removeAttributes("td", "width")
        .removeAttributes("th", "width")
        .removeAttributes("col", "width")
        .addEnforcedAttribute("a", "rel", "nofollow noopener")
        .preserveRelativeLinks(false);
  }

  /**
   * Sanitized, NFC-normalized HTML; empty for {@code null} or blank input. Without a usable
   * {@code baseUrl} (absolute http(s)), relative links and images are dropped.
   */
  public String sanitize(String html, String baseUrl) {
    if (html == null || html.isBlank()) {
      return "";
    }
    Document dirty = Jsoup.parseBodyFragment(html, baseUrl == null ? "" : baseUrl);
    promoteLazyImages(dirty);
    Document clean = new Cleaner(safelist).clean(dirty);
    clean.outputSettings().prettyPrint(false);
    return Texts.nfc(clean.body().html());
  }

  /**
   * {@link #sanitize(String, String)} capped at {@code maxChars} characters of output. The cap is
   * applied to the sanitized markup, not the input: it is cut outside any tag or entity and
   * cleaned once more, which closes the elements left open; when the closing tags push it over
   * the cap the cut moves back and it is tried again.
   */
  public String sanitize(String html, String baseUrl, int maxChars) {
    String safe = sanitize(html, baseUrl);
    if (safe.length() <= maxChars) {
      return safe;
    }
    int cut = maxChars;
    for (int attempt = 0; attempt < MAX_CAP_ATTEMPTS && cut > 0; attempt++) {
      String closed = sanitize(safeCut(safe, cut), baseUrl);
      if (closed.length() <= maxChars) {
        return closed;
      }
      cut -= closed.length() - maxChars;
    }
    // Pathological nesting: fall back to the text alone, which has no tags to close.
    String text = Entities.escape(Jsoup.parseBodyFragment(safe).text());
    return safeCut(text, maxChars);
  }

  private static void promoteLazyImages(Document doc) {
    for (Element img : doc.select("img")) {
      String src = img.attr("src");
      if (!src.isBlank() && !src.startsWith("data:")) {
        continue;
      }
      for (String lazy : LAZY_SRC) {
        if (!img.attr(lazy).isBlank()) {
          img.attr("src", img.attr(lazy));
          break;
        }
      }
    }
  }

  /** The longest prefix of at most {@code max} chars that ends outside a tag, entity or pair. */
  static String safeCut(String html, int max) {
    int end = Math.min(max, html.length());
    if (end > 0 && Character.isHighSurrogate(html.charAt(end - 1))) {
      end--;
    }
    int lt = html.lastIndexOf('<', end - 1);
    if (lt >= 0 && html.lastIndexOf('>', end - 1) < lt) {
      end = lt;
    }
    int amp = html.lastIndexOf('&', end - 1);
    if (amp >= 0 && html.lastIndexOf(';', end - 1) < amp && end - amp < 12) {
      end = amp;
    }
    return html.substring(0, Math.max(0, end));
  }
}
