package vn.bantin.publish;

import java.util.List;

/** OPML 2.0 (http://opml.org/spec2.opml) subscription list of category feeds. Pure, thread-safe. */
public final class OpmlRenderer {

  /**
   * The UTF-8 bytes of the list: one {@code type="rss"} outline per category, in the given order,
   * pointing at its RSS feed and its HTML page.
   *
   * @param title the document title
   * @param baseUrl the server's public base URL; a trailing slash is ignored
   */
  public byte[] render(String title, String baseUrl, List<OpmlCategory> categories) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    XmlWriter xml = new XmlWriter();
    xml.start("opml").attr("version", "2.0");
    xml.start("head").element("title", title).end();
    xml.start("body");
    for (OpmlCategory category : categories) {
      // OPML 2.0 "Subscription lists": text is required on every outline; xmlUrl and type="rss"
      // make it a subscription; title, htmlUrl, description and version are optional.
      xml.empty("outline").attr("type", "rss").attr("version", "RSS2")
          .attr("text", category.title()).attr("title", category.title())
          .attr("xmlUrl", base + "/feeds/" + category.id() + ".rss")
          .attr("htmlUrl", base + "/feeds/" + category.id() + ".html");
      if (category.description() != null && !category.description().isBlank()) {
        xml.attr("description", category.description());
      }
    }
    xml.end().end();
    return xml.finish();
  }
}
