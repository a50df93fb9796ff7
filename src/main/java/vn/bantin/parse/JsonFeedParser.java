package vn.bantin.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.bantin.model.FailureCode;

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) to a {@link ParsedFeed}. */
final class JsonFeedParser {

  /** Both versions name themselves: https://jsonfeed.org/version/1 and .../version/1.1. */
  private static final Pattern JSON_FEED_1 =
      Pattern.compile("https?://jsonfeed\\.org/version/1(\\.\\d+)?/?");
  private final ObjectMapper mapper;

  JsonFeedParser(int maxDepth) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
        .build();
    this.mapper = new ObjectMapper(factory); // thread-safe once configured
  }

  ParsedFeed parse(byte[] body, String fetchUrl) throws FeedParseException {
    JsonNode root = read(body);
    String version = text(root, "version");
    if (!root.isObject() || version == null || !JSON_FEED_1.matcher(version).matches()) {
      throw Failures.of(FailureCode.NOT_A_FEED, "JSON without a JSON Feed version");
    }
    String feedLink = EntryBase.httpOrNull(XmlBase.resolve(fetchUrl, text(root, "home_page_url")));
    String baseUrl = feedLink != null ? feedLink : fetchUrl;
    List<ParsedEntry> entries = new ArrayList<>();
    for (JsonNode item : root.path("items")) {
      if (item.isObject()) {
        entries.add(entry(item, baseUrl));
      }
    }
    return new ParsedFeed(text(root, "title"), feedLink, entries);
  }

  private JsonNode read(byte[] body) throws FeedParseException {
    try {
      JsonNode root = mapper.readTree(body);
      if (root == null || root.isMissingNode()) {
        throw Failures.of(FailureCode.JSON_MALFORMED, "empty body");
      }
      return root;
    } catch (StreamConstraintsException e) {
      throw Failures.of(FailureCode.TOO_DEEP, e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : "line " + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + ": ";
      throw Failures.of(FailureCode.JSON_MALFORMED, where + e.getOriginalMessage());
    } catch (IOException e) {
      throw Failures.of(FailureCode.JSON_MALFORMED, String.valueOf(e.getMessage()));
    }
  }

  private static ParsedEntry entry(JsonNode item, String baseUrl) {
    // external_url points elsewhere (the article being discussed); it stands in only for url.
    String url = text(item, "url") != null ? text(item, "url") : text(item, "external_url");
    String content = text(item, "content_html") != null ? text(item, "content_html")
        : Markup.escape(text(item, "content_text"));
    return new ParsedEntry(text(item, "id"), url, Markup.escape(text(item, "title")),
        Markup.escape(text(item, "summary")), content, author(item),
        date(text(item, "date_published")), date(text(item, "date_modified")), baseUrl);
  }

  /** 1.1 {@code authors} (the first with a name), else 1.0 {@code author}. */
  private static String author(JsonNode item) {
    for (JsonNode a : item.path("authors")) {
      if (text(a, "name") != null) {
        return text(a, "name");
      }
    }
    return text(item.path("author"), "name");
  }

  /** An RFC 3339 date, or {@code null} when absent or unreadable. */
  private static Instant date(String value) {
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A scalar member as text (JSON Feed ids are strings, but numbers occur); blank is absent. */
  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isValueNode() || v.isNull()) {
      return null;
    }
    String s = v.asText();
    return s.isBlank() ? null : s;
  }
}
