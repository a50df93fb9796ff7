package vn.bantin.publish;

import static vn.bantin.publish.FeedFields.orEmpty;

import java.util.List;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1). Each item carries the extension {@code
 * _bantin: {"sources": [{"id", "title", "url"}, ...]}} listing every source of the story; absent
 * values are left out rather than written as {@code null}. Strings are written as {@link
 * JsonWriter} says: without the characters XML cannot carry, {@code < > &} as unicode escapes.
 */
public final class JsonFeedRenderer implements Renderer {

  static final String VERSION = "https://jsonfeed.org/version/1.1";

  @Override
  public byte[] render(FeedMeta meta, List<Story> stories) {
    JsonWriter json = new JsonWriter(1024 + 2048 * stories.size()); // UTF-8, as JSON Feed requires
    json.beginObject();
    json.field("version", VERSION);
    json.field("title", meta.title()); // required by JSON Feed 1.1
    json.optionalField("home_page_url", meta.homeUrl());
    json.optionalField("feed_url", meta.feedUrl(Format.JSON));
    json.optionalField("description", meta.description());
    json.field("language", "vi");
    json.name("items").beginArray();
    for (Story story : stories) {
      item(json, story);
    }
    json.endArray();
    return json.endObject().finish();
  }

  private static void item(JsonWriter json, Story story) {
    json.beginObject();
    json.field("id", FeedFields.storyId(story)); // the same id as the RSS guid and the Atom id
    json.optionalField("url", story.link());
    json.optionalField("title", story.title());
    String summary = orEmpty(story.summaryHtml());
    String content = orEmpty(story.contentHtml());
    // JSON Feed 1.1: content_html or content_text must be present, even when empty.
    json.field("content_html", content.isEmpty() ? summary : content);
    if (!summary.isEmpty()) {
      // 1.1: summary is plain text
      json.optionalField("summary", SummaryText.of(summary));
    }
    json.field("date_published", FeedFields.rfc3339(story.published()));
    if (story.author() != null && !story.author().isBlank()) {
      json.name("authors").beginArray().beginObject().field("name", story.author()).endObject()
          .endArray();
    }
    json.name("_bantin").beginObject().name("sources").beginArray();
    for (SourceRef ref : story.sources()) {
      json.beginObject();
      json.optionalField("id", ref.id());
      json.optionalField("title", ref.title());
      json.optionalField("url", ref.url());
      json.endObject();
    }
    json.endArray().endObject();
    json.endObject();
  }
}
