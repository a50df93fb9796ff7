package vn.bantin.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON Feed document as a stream of tokens, keeping only what bantin maps: the feed's
 * {@code version}, {@code title} and {@code home_page_url}, and for the first and the last
 * {@link BoundedTreeHandler#ITEMS_AT_EACH_END} items their scalar members. Everything else is
 * skipped unread, so a body of a million items or of one enormous member costs bounded memory,
 * where a whole JSON tree would cost gigabytes. One instance per document.
 */
final class JsonFeedReader {

  /** What was read; {@code items} map member names (and {@code "author"}) to text. */
  record Document(boolean isObject, String version, String title, String homePageUrl,
      List<Map<String, String>> items) {}

  private static final Set<String> FEED_MEMBERS = Set.of("version", "title", "home_page_url");
  private static final Set<String> ITEM_MEMBERS = Set.of("id", "url", "external_url", "title",
      "summary", "content_html", "content_text", "date_published", "date_modified");
  private static final int KEPT = BoundedTreeHandler.ITEMS_AT_EACH_END;

  private final JsonParser p;
  private final List<Map<String, String>> head = new ArrayList<>();
  private final ArrayDeque<Map<String, String>> tail = new ArrayDeque<>();

  private JsonFeedReader(JsonParser parser) {
    this.p = parser;
  }

  /**
   * Reads the document from {@code parser}; {@code null} when it holds no JSON value at all.
   *
   * @throws IOException on malformed JSON or a broken stream constraint (depth)
   */
  static Document read(JsonParser parser) throws IOException {
    return new JsonFeedReader(parser).document();
  }

  private Document document() throws IOException {
    JsonToken first = p.nextToken();
    if (first == null) {
      return null;
    }
    if (first != JsonToken.START_OBJECT) {
      p.skipChildren(); // still read to the end, so that malformed JSON says so
      return new Document(false, null, null, null, List.of());
    }
    Map<String, String> feed = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("items") && value == JsonToken.START_ARRAY) {
        readItems();
      } else if (FEED_MEMBERS.contains(name)) {
        feed.put(name, scalar(value));
      } else {
        p.skipChildren();
      }
    }
    List<Map<String, String>> items = new ArrayList<>(head);
    items.addAll(tail);
    return new Document(true, feed.get("version"), feed.get("title"), feed.get("home_page_url"),
        items);
  }

  private void readItems() throws IOException {
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      Map<String, String> item = readItem();
      if (head.size() < KEPT) {
        head.add(item);
      } else {
        tail.addLast(item);
        if (tail.size() > KEPT) {
          tail.removeFirst();
        }
      }
    }
  }

  /** The scalar members of one item object, and its first author's name. */
  private Map<String, String> readItem() throws IOException {
    Map<String, String> item = new HashMap<>();
    String authorsName = null;
    String authorName = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (ITEM_MEMBERS.contains(name)) {
        item.put(name, scalar(value));
      } else if (name.equals("authors") && value == JsonToken.START_ARRAY) {
        // JSON Feed 1.1: the first author with a name.
        for (JsonToken a = p.nextToken(); a != JsonToken.END_ARRAY; a = p.nextToken()) {
          String n = a == JsonToken.START_OBJECT ? nameIn() : skip();
          authorsName = authorsName == null ? n : authorsName;
        }
      } else if (name.equals("author") && value == JsonToken.START_OBJECT) {
        authorName = nameIn(); // JSON Feed 1.0
      } else {
        p.skipChildren();
      }
    }
    item.values().removeIf(v -> v == null);
    String author = authorsName != null ? authorsName : authorName;
    if (author != null) {
      item.put("author", author);
    }
    return item;
  }

  /** The {@code name} member of the object just opened, which is read to its end. */
  private String nameIn() throws IOException {
    String name = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      boolean isName = p.currentName().equals("name");
      String value = scalar(p.nextToken());
      name = isName ? value : name;
    }
    return name;
  }

  /**
   * The text of a scalar value (JSON Feed ids are strings, but numbers occur); {@code null} for
   * null, blank, an object or an array (which is skipped).
   */
  private String scalar(JsonToken value) throws IOException {
    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
      return skip();
    }
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    String text = p.getText();
    return text == null || text.isBlank() ? null : text;
  }

  private String skip() throws IOException {
    p.skipChildren();
    return null;
  }
}
