package vn.bantin.publish;

import static vn.bantin.publish.FeedFields.orEmpty;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jsoup.Jsoup;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1). Each item carries the extension {@code
 * _bantin: {"sources": [{"id", "title", "url"}, ...]}} listing every source of the story; absent
 * values are left out rather than written as {@code null}.
 */
public final class JsonFeedRenderer implements Renderer {

  static final String VERSION = "https://jsonfeed.org/version/1.1";

  // Thread-safe once configured. "<", ">" and "&" are written as six-character unicode escapes:
  // the same JSON to every parser, but no string in it can open a tag or end a <script> block
  // when a page pastes the feed into its HTML (the escaping Go's encoding/json does by default).
  private static final ObjectMapper JSON = new ObjectMapper(
      new JsonFactoryBuilder().characterEscapes(new HtmlSafeEscapes()).build());

  @Override
  public byte[] render(FeedMeta meta, List<Story> stories) {
    ObjectNode feed = JSON.createObjectNode();
    feed.put("version", VERSION);
    feed.put("title", CharFilter.xmlSafe(meta.title())); // required by JSON Feed 1.1
    put(feed, "home_page_url", meta.homeUrl());
    put(feed, "feed_url", meta.feedUrl(Format.JSON));
    put(feed, "description", meta.description());
    feed.put("language", "vi");
    ArrayNode items = feed.putArray("items");
    for (Story story : stories) {
      items.add(item(story));
    }
    try {
      return JSON.writeValueAsBytes(feed); // UTF-8, as JSON Feed requires
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of strings cannot fail to serialize", e);
    }
  }

  private static ObjectNode item(Story story) {
    ObjectNode item = JSON.createObjectNode();
    item.put("id", FeedFields.storyId(story)); // the same id as the RSS guid and the Atom id
    put(item, "url", story.link());
    put(item, "title", story.title());
    String summary = orEmpty(story.summaryHtml());
    String content = orEmpty(story.contentHtml());
    // JSON Feed 1.1: content_html or content_text must be present, even when empty.
    item.put("content_html", CharFilter.xmlSafe(content.isEmpty() ? summary : content));
    if (!summary.isEmpty()) {
      put(item, "summary", Jsoup.parseBodyFragment(summary).text()); // 1.1: summary is plain text
    }
    item.put("date_published", FeedFields.rfc3339(story.published()));
    if (story.author() != null && !story.author().isBlank()) {
      item.putArray("authors").addObject().put("name", CharFilter.xmlSafe(story.author()));
    }
    ArrayNode sources = item.putObject("_bantin").putArray("sources");
    for (SourceRef ref : story.sources()) {
      ObjectNode source = sources.addObject();
      put(source, "id", ref.id());
      put(source, "title", ref.title());
      put(source, "url", ref.url());
    }
    return item;
  }

  // Leaves out null and empty values. The same characters are removed as in the XML formats, so
  // a story reads the same in every format (and a lone surrogate cannot break the UTF-8 writer).
  private static void put(ObjectNode node, String field, String value) {
    if (value != null && !value.isEmpty()) {
      node.put(field, CharFilter.xmlSafe(value));
    }
  }

  /** JSON's own escapes, plus {@code < > &} as unicode escapes. */
  private static final class HtmlSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    HtmlSafeEscapes() {
      ascii['<'] = ESCAPE_STANDARD;
      ascii['>'] = ESCAPE_STANDARD;
      ascii['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null; // only the standard escapes above
    }
  }
}
