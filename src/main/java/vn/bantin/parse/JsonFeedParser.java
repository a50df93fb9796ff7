package vn.bantin.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.bantin.model.FailureCode;

/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) to a {@link ParsedFeed}, read as a
 * stream by {@link JsonFeedReader} (of a long feed, the first and last items only).
 */
final class JsonFeedParser {

  /** Both versions name themselves: https://jsonfeed.org/version/1 and .../version/1.1. */
  private static final Pattern JSON_FEED_1 =
      Pattern.compile("https?://jsonfeed\\.org/version/1(\\.\\d+)?/?");
  private final JsonFactory factory;

  JsonFeedParser(int maxDepth) {
    this.factory = JsonFactory.builder() // thread-safe once configured
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
        .build();
  }

  ParsedFeed parse(byte[] body, String fetchUrl) throws FeedParseException {
    JsonFeedReader.Document root = read(body);
    String version = root.version();
    if (!root.isObject() || version == null || !JSON_FEED_1.matcher(version).matches()) {
      throw Failures.of(FailureCode.NOT_A_FEED, "JSON without a JSON Feed version");
    }
    String feedLink = EntryBase.httpOrNull(XmlBase.resolve(fetchUrl, root.homePageUrl()));
    String baseUrl = feedLink != null ? feedLink : fetchUrl;
    List<ParsedEntry> entries = new ArrayList<>();
    for (Map<String, String> item : root.items()) {
      entries.add(entry(item, baseUrl));
    }
    return new ParsedFeed(root.title(), feedLink, entries);
  }

  private JsonFeedReader.Document read(byte[] body) throws FeedParseException {
    try (JsonParser parser = factory.createParser(body)) {
      JsonFeedReader.Document root = JsonFeedReader.read(parser);
      if (root == null) {
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

  private static ParsedEntry entry(Map<String, String> item, String baseUrl) {
    // external_url points elsewhere (the article being discussed); it stands in only for url.
    String url = item.get("url") != null ? item.get("url") : item.get("external_url");
    String content = item.get("content_html") != null ? item.get("content_html")
        : Markup.escape(item.get("content_text"));
    return new ParsedEntry(item.get("id"), url, Markup.escape(item.get("title")),
        Markup.escape(item.get("summary")), content, item.get("author"),
        date(item.get("date_published")), date(item.get("date_modified")), baseUrl);
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
}
