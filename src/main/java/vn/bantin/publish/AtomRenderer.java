package vn.bantin.publish;

import static vn.bantin.publish.FeedFields.orEmpty;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;

/** Atom 1.0 (RFC 4287); the output validates against the RFC's RELAX NG schema. */
public final class AtomRenderer implements Renderer {

  static final String ATOM_NS = "http://www.w3.org/2005/Atom";

  private final Function<String, String> sourceFeedUrl;

  /**
   * @param sourceFeedUrl source id to the URL of that source's own feed, or {@code null} when
   *     unknown; it becomes the self link inside {@code atom:source}
   */
  public AtomRenderer(Function<String, String> sourceFeedUrl) {
    this.sourceFeedUrl = Objects.requireNonNull(sourceFeedUrl, "sourceFeedUrl");
  }

  @Override
  public byte[] render(FeedMeta meta, List<Story> stories) {
    XmlWriter xml = new XmlWriter(1024 + 1700 * stories.size()); // about 20% to spare
    xml.start("feed").defaultNamespace(ATOM_NS).xmlLang("vi");
    xml.element("id", FeedFields.feedId(meta.categoryId()));
    xml.start("title").attr("type", "text").text(meta.title()).end();
    String description = orEmpty(meta.description());
    if (!description.isBlank()) {
      xml.start("subtitle").attr("type", "text").text(description).end();
    }
    xml.element("updated", FeedFields.rfc3339(meta.updated()));
    xml.empty("link").attr("rel", "self").attr("type", "application/atom+xml")
        .attr("href", meta.feedUrl(Format.ATOM));
    xml.empty("link").attr("rel", "alternate").attr("type", "text/html")
        .attr("href", meta.homeUrl());
    // RFC 4287 §4.1.1: a feed needs an author unless every entry has one; this covers entries
    // with neither a byline nor a source.
    xml.start("author").element("name", "bantin").end();
    xml.element("generator", "bantin");
    for (Story story : stories) {
      entry(xml, story);
    }
    xml.end();
    return xml.finish();
  }

  private void entry(XmlWriter xml, Story story) {
    xml.start("entry");
    xml.element("id", FeedFields.storyId(story));
    xml.start("title").attr("type", "text").text(orEmpty(story.title())).end();
    boolean hasLink = story.link() != null && !story.link().isBlank();
    if (hasLink) {
      xml.empty("link").attr("rel", "alternate").attr("type", "text/html")
          .attr("href", story.link());
    }
    String date = FeedFields.rfc3339(story.published());
    xml.element("published", date);
    xml.element("updated", date); // a story is never edited after its first sighting
    String author = byline(story);
    if (author != null) {
      xml.start("author").element("name", author).end();
    }
    String summary = orEmpty(story.summaryHtml());
    String content = orEmpty(story.contentHtml());
    if (content.isEmpty() && !hasLink) {
      // RFC 4287 §4.1.2: an entry without content needs an alternate link; with neither, the
      // summary becomes the content.
      html(xml, "content", summary);
    } else {
      if (!summary.isEmpty()) {
        html(xml, "summary", summary);
      }
      if (!content.isEmpty()) {
        html(xml, "content", content);
      }
    }
    if (!story.sources().isEmpty()) {
      source(xml, story.sources().get(0));
    }
    xml.end();
  }

  // The story's byline, else the source that first carried it; null leaves the feed's author.
  private static String byline(Story story) {
    if (story.author() != null && !story.author().isBlank()) {
      return story.author();
    }
    if (!story.sources().isEmpty()) {
      String title = story.sources().get(0).title();
      return title == null || title.isBlank() ? null : title;
    }
    return null;
  }

  private static void html(XmlWriter xml, String element, String html) {
    xml.start(element).attr("type", "html").text(html).end(); // escaped HTML, RFC 4287 §3.1.1.2
  }

  // RFC 4287 §4.2.11: atom:source holds the metadata of the feed the entry came from. Its self
  // link is that feed when known; otherwise the article's page at the source is the alternate.
  private void source(XmlWriter xml, SourceRef first) {
    xml.start("source");
    xml.element("id", FeedFields.sourceId(first.id()));
    xml.start("title").attr("type", "text").text(orEmpty(first.title())).end();
    String feedUrl = sourceFeedUrl.apply(first.id());
    if (feedUrl != null && !feedUrl.isBlank()) {
      xml.empty("link").attr("rel", "self").attr("href", feedUrl);
    } else if (first.url() != null && !first.url().isBlank()) {
      xml.empty("link").attr("rel", "alternate").attr("href", first.url());
    }
    xml.end();
  }
}
