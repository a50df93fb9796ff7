package vn.bantin.publish;

import static vn.bantin.publish.FeedFields.orEmpty;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) with the Atom self link, {@code
 * content:encoded} for full content and {@code dc:creator} for bylines.
 */
public final class RssRenderer implements Renderer {

  static final String ATOM_NS = "http://www.w3.org/2005/Atom";
  static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
  static final String DC_NS = "http://purl.org/dc/elements/1.1/";

  private final Function<String, String> sourceFeedUrl;

  /**
   * @param sourceFeedUrl source id to the URL of that source's own feed, or {@code null} when
   *     unknown; it fills {@code <source url>}, which RSS 2.0 defines as the source's XML feed
   */
  public RssRenderer(Function<String, String> sourceFeedUrl) {
    this.sourceFeedUrl = Objects.requireNonNull(sourceFeedUrl, "sourceFeedUrl");
  }

  @Override
  public byte[] render(FeedMeta meta, List<Story> stories) {
    XmlWriter xml = new XmlWriter(1024 + 1400 * stories.size()); // about 20% to spare
    xml.start("rss").attr("version", "2.0")
        .namespace("atom", ATOM_NS).namespace("content", CONTENT_NS).namespace("dc", DC_NS);
    xml.start("channel");
    xml.element("title", meta.title());
    xml.element("link", meta.homeUrl());
    // RSS 2.0 requires a channel description; the title stands in for an empty one.
    String description = orEmpty(meta.description());
    xml.element("description", description.isBlank() ? meta.title() : description);
    // RSS Best Practices: a self link lets readers and validators find the canonical feed URL.
    xml.empty("atom", ATOM_NS, "link").attr("href", meta.feedUrl(Format.RSS))
        .attr("rel", "self").attr("type", "application/rss+xml");
    xml.element("language", "vi");
    xml.element("lastBuildDate", FeedFields.rfc822(meta.updated()));
    xml.element("generator", "bantin");
    for (Story story : stories) {
      item(xml, story);
    }
    xml.end().end();
    return xml.finish();
  }

  private void item(XmlWriter xml, Story story) {
    xml.start("item");
    xml.element("title", orEmpty(story.title()));
    if (story.link() != null && !story.link().isBlank()) {
      xml.element("link", story.link());
    }
    // isPermaLink="false": the guid is a URN, not a page; it never changes (see FeedFields).
    xml.start("guid").attr("isPermaLink", "false").text(FeedFields.storyId(story)).end();
    xml.element("pubDate", FeedFields.rfc822(story.published()));
    // RSS 2.0 <author> must be an e-mail address; a byline goes in Dublin Core's creator.
    if (story.author() != null && !story.author().isBlank()) {
      xml.element("dc", DC_NS, "creator", story.author());
    }
    String summary = orEmpty(story.summaryHtml());
    String content = orEmpty(story.contentHtml());
    String description = summary.isEmpty() ? content : summary;
    if (!description.isEmpty()) {
      xml.element("description", description); // entity-encoded HTML, as RSS 2.0 allows
    }
    if (!content.isEmpty()) {
      xml.element("content", CONTENT_NS, "encoded", content);
    }
    if (!story.sources().isEmpty()) {
      source(xml, story.sources().get(0));
    }
    xml.end();
  }

  // RSS 2.0 <source> has a required url attribute naming the source's XML feed. When that is not
  // known, the article's URL at the source is the best remaining pointer to where the item came
  // from; with neither, the element is left out rather than written invalid.
  private void source(XmlWriter xml, SourceRef first) {
    String url = sourceFeedUrl.apply(first.id());
    if (url == null || url.isBlank()) {
      url = first.url();
    }
    if (url == null || url.isBlank()) {
      return;
    }
    xml.start("source").attr("url", url).text(orEmpty(first.title())).end();
  }
}
