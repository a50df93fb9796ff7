package vn.bantin.parse;

import java.util.Locale;
import org.jdom2.Element;

/** Which URL relative links inside an entry are resolved against. */
final class EntryBase {

  private EntryBase() {}

  /**
   * The {@code xml:base} in scope at the entry (resolved down from the fetch URL), else the feed's
   * home page, else the fetch URL. Never {@code null} when {@code fetchUrl} is not.
   */
  static String of(Element entry, String feedLink, String fetchUrl) {
    String inScope = entry == null ? null : XmlBase.inScope(entry, fetchUrl);
    if (inScope != null) {
      return inScope;
    }
    return feedLink != null ? feedLink : fetchUrl;
  }

  /** The feed's home page made absolute, or {@code null} unless it is an http(s) URL. */
  static String feedLink(Element root, String fetchUrl, String link) {
    String base = root == null ? null : XmlBase.inScope(root, fetchUrl);
    return httpOrNull(XmlBase.resolve(base != null ? base : fetchUrl, link));
  }

  static String httpOrNull(String url) {
    if (url == null) {
      return null;
    }
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") ? url : null;
  }
}
