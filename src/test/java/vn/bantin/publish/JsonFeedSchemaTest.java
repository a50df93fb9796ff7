package vn.bantin.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;

/**
 * Rendered JSON Feeds against our JSON Schema of JSON Feed 1.1 (test resource
 * {@code publish/jsonfeed-1.1.schema.json}), and its {@code bantinFeed} part, which also checks
 * the {@code _bantin.sources} extension the contract promises.
 */
class JsonFeedSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA = "classpath:publish/jsonfeed-1.1.schema.json";

  // Without formatAssertionsEnabled, draft 2020-12 treats "format" as an annotation only, and a
  // date such as 26/11/2026 or a relative URL would pass unnoticed.
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(VersionFlag.V202012);

  /** Any JSON Feed 1.1. */
  private static final JsonSchema JSON_FEED = FACTORY.getSchema(SchemaLocation.of(SCHEMA), CONFIG);
  /** A JSON Feed as bantin writes it: every item carries {@code _bantin.sources}. */
  private static final JsonSchema BANTIN_FEED =
      FACTORY.getSchema(SchemaLocation.of(SCHEMA + "#/$defs/bantinFeed"), CONFIG);

  private static final FeedMeta META = new FeedMeta("lai-chau", "Tin Lai Châu",
      "Tin tức chính trị, kinh tế, xã hội tỉnh Lai Châu", "https://bantin.example.vn",
      Instant.parse("2026-11-26T02:15:00Z"));
  private static final FeedMeta META_NO_DESCRIPTION = new FeedMeta("chua-co-tin", "Chưa có tin",
      "", "https://bantin.example.vn", Instant.parse("2026-11-26T02:15:00Z"));

  private static final String VOV_LINK =
      "https://vov.vn/chinh-tri/be-mac-hoi-nghi-trung-uong-post1201.vov";
  private static final Story THREE_SOURCES = new Story("st-20261126-01", VOV_LINK,
      "Hội nghị Trung ương bầu bổ sung Ủy viên Bộ Chính trị",
      "<p>Hội nghị lần thứ 14 Ban Chấp hành Trung ương Đảng khóa XIII bế mạc.</p>",
      "<p>Chiều 26/11, tại Hà Nội, Hội nghị Trung ương bế mạc sau ba ngày làm việc.</p>",
      "Thu Hằng", Instant.parse("2026-11-26T02:15:00Z"),
      List.of(
          new SourceRef("vov-chinh-tri", "VOV – Chính trị", VOV_LINK),
          new SourceRef("nhan-dan", "Nhân Dân",
              "https://nhandan.vn/be-mac-hoi-nghi-trung-uong-14-post8812.html"),
          new SourceRef("dcs-vn", "Đảng Cộng sản Việt Nam",
              "https://dangcongsan.vn/thoi-su/be-mac-hoi-nghi-trung-uong-14-6612.html")));

  private static final Story NO_LINK_NO_AUTHOR = new Story("st-20261126-02", null,
      "Lai Châu: Sơ kết công tác dân vận 9 tháng",
      "<p>Ban Dân vận Tỉnh ủy sơ kết công tác dân vận.</p>", "", null,
      Instant.parse("2026-11-25T09:40:00Z"),
      List.of(new SourceRef("bao-lai-chau", "Báo Lai Châu", null)));

  private static final Story EMPTY_SUMMARY = new Story("st-20261126-03",
      "https://baolaichau.vn/chinh-tri/tam-duong-dai-hoi-chi-bo-1123.html",
      "Tam Đường: Đại hội chi bộ nhiệm kỳ 2025 – 2030", "",
      "<p>Các chi bộ trực thuộc Đảng bộ huyện Tam Đường hoàn thành đại hội.</p>", "Quang Minh",
      Instant.parse("2026-11-24T23:59:59Z"),
      List.of(new SourceRef("bao-lai-chau", "Báo Lai Châu",
          "https://baolaichau.vn/chinh-tri/tam-duong-dai-hoi-chi-bo-1123.html")));

  private static final Story HTML_CONTENT = new Story("st-20261126-04",
      "https://nhandan.vn/xa-hoi/sin-ho-mo-duong-vao-ban-post8820.html?utm_source=rss&id=7",
      "Sìn Hồ: Mở đường vào bản \"khó nhất\" <Pa Tần>",
      "<p>Đường bê tông dài 12 km &amp; hai cây cầu.</p>",
      "<h2>Công trình</h2><p>Tổng vốn <strong>48 tỷ đồng</strong> &lt; dự toán.</p>"
          + "<ul><li>Đường: 12 km</li><li>Cầu: 2</li></ul>"
          + "<p><img src=\"https://nhandan.vn/anh/duong-pa-tan.jpg\" alt=\"Đường vào Pa Tần\"></p>"
          + "<p><a href=\"https://nhandan.vn/xa-hoi/pa-tan.html\">Xem thêm</a></p>",
      "Đỗ Hà", Instant.parse("2026-11-24T07:05:09Z"),
      List.of(new SourceRef("nhan-dan", "Nhân Dân",
          "https://nhandan.vn/xa-hoi/sin-ho-mo-duong-vao-ban-post8820.html?utm_source=rss&id=7")));

  static Stream<Arguments> renderedFeeds() {
    return Stream.of(
        Arguments.of("a story carried by three sources", META, List.of(THREE_SOURCES)),
        Arguments.of("no link and no author", META, List.of(NO_LINK_NO_AUTHOR)),
        Arguments.of("empty summary", META, List.of(EMPTY_SUMMARY)),
        Arguments.of("HTML content with markup in the title", META, List.of(HTML_CONTENT)),
        Arguments.of("all four stories", META,
            List.of(THREE_SOURCES, NO_LINK_NO_AUTHOR, EMPTY_SUMMARY, HTML_CONTENT)),
        Arguments.of("no stories and no description", META_NO_DESCRIPTION, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderedFeeds")
  void renderedFeedIsValidJsonFeed11(String name, FeedMeta meta, List<Story> stories) {
    JsonNode feed = render(meta, stories);
    assertThat(feed.path("items")).hasSize(stories.size());
    assertThat(JSON_FEED.validate(feed)).as("JSON Feed 1.1").isEmpty();
    assertThat(BANTIN_FEED.validate(feed)).as("JSON Feed 1.1 with _bantin").isEmpty();
  }

  // Each case names the error it must cause, "instance location, keyword[, property]", so it
  // cannot pass on some unrelated error.
  static Stream<Arguments> brokenFeeds() {
    return Stream.of(
        broken("feed without version", JSON_FEED, feed -> feed.remove("version"),
            "(root) required version"),
        broken("item without id", JSON_FEED, feed -> item(feed).remove("id"),
            "/items/0 required id"),
        broken("item with a numeric id, as 1.0 allowed", JSON_FEED,
            feed -> item(feed).put("id", 1201), "/items/0/id type"),
        broken("item with neither content_html nor content_text", JSON_FEED,
            feed -> item(feed).remove("content_html"), "/items/0 required content_text"),
        broken("date_published 26/11/2026", JSON_FEED,
            feed -> item(feed).put("date_published", "26/11/2026"),
            "/items/0/date_published format"),
        broken("relative item url", JSON_FEED,
            feed -> item(feed).put("url", "/chinh-tri/hoi-nghi-post1201.vov"),
            "/items/0/url format"),
        broken("author without name, url or avatar", JSON_FEED,
            feed -> item(feed).putArray("authors").addObject(), "/items/0/authors/0 required name"),
        broken("_bantin source without id", BANTIN_FEED, feed -> source(feed).remove("id"),
            "/items/0/_bantin/sources/0 required id"),
        broken("_bantin with no sources", BANTIN_FEED,
            feed -> ((ObjectNode) item(feed).path("_bantin")).putArray("sources"),
            "/items/0/_bantin/sources minItems"),
        broken("item without _bantin", BANTIN_FEED, feed -> item(feed).remove("_bantin"),
            "/items/0 required _bantin"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFeeds")
  void schemaRejectsBrokenFeed(String name, JsonSchema schema, Consumer<ObjectNode> breakIt,
      String expected) {
    ObjectNode feed = (ObjectNode) render(META, List.of(THREE_SOURCES));
    assertThat(schema.validate(feed)).as("the unbroken feed is valid").isEmpty();
    breakIt.accept(feed);
    Set<ValidationMessage> errors = schema.validate(feed);
    assertThat(errors).extracting(JsonFeedSchemaTest::describe).as(name).contains(expected);
  }

  @Test
  void plainJsonFeedSchemaLeavesTheBantinExtensionAlone() {
    ObjectNode feed = (ObjectNode) render(META, List.of(THREE_SOURCES));
    source(feed).remove("id");
    assertThat(JSON_FEED.validate(feed)).isEmpty();
    assertThat(BANTIN_FEED.validate(feed)).extracting(JsonFeedSchemaTest::describe)
        .containsExactly("/items/0/_bantin/sources/0 required id");
  }

  @Test
  void bantinSchemaKeepsEverySpecRule() {
    ObjectNode feed = (ObjectNode) render(META, List.of(THREE_SOURCES));
    item(feed).put("date_published", "26/11/2026");
    assertThat(BANTIN_FEED.validate(feed)).extracting(JsonFeedSchemaTest::describe)
        .containsExactly("/items/0/date_published format");
  }

  // The schema must not reject what the spec allows: every field of 1.1, in a feed that is not
  // bantin's, including the deprecated 1.0 author and a custom object.
  @Test
  void everyFieldOfTheSpecIsAccepted() throws IOException {
    JsonNode feed = JSON.readTree("""
        {"version": "https://jsonfeed.org/version/1.1", "title": "VOV Giao thông",
         "home_page_url": "https://vovgt.vn/", "feed_url": "https://vovgt.vn/feed.json",
         "description": "Bản tin giao thông", "user_comment": "Dành cho trình đọc tin",
         "next_url": "https://vovgt.vn/feed.json?page=2", "icon": "https://vovgt.vn/icon.png",
         "favicon": "https://vovgt.vn/favicon.ico",
         "authors": [{"name": "Ban Thời sự", "url": "https://vovgt.vn/ban-thoi-su",
                      "avatar": "https://vovgt.vn/avatar.png"}],
         "author": {"name": "Ban Thời sự"}, "language": "vi-VN", "expired": false,
         "hubs": [{"type": "WebSub", "url": "https://websub.example.vn/"}],
         "_podcast": {"about": "https://example.vn/podcast", "explicit": false},
         "items": [
           {"id": "2026-11-26-sang", "url": "https://vovgt.vn/ban-tin-sang",
            "external_url": "https://vov.vn/ban-tin", "title": "Bản tin sáng 26/11",
            "content_text": "Giao thông sáng nay.", "summary": "Giao thông sáng 26/11",
            "image": "https://vovgt.vn/anh.jpg", "banner_image": "https://vovgt.vn/banner.jpg",
            "date_published": "2026-11-26T06:00:00+07:00",
            "date_modified": "2026-11-26T06:30:00.5+07:00",
            "authors": [{"url": "https://vovgt.vn/phong-vien"}],
            "author": {"avatar": "https://vovgt.vn/a.png"},
            "tags": ["giao thông", "Hà Nội"], "language": "vi",
            "attachments": [{"url": "https://vovgt.vn/sang.mp3", "mime_type": "audio/mpeg",
                             "title": "Bản tin sáng", "size_in_bytes": 4812733,
                             "duration_in_seconds": 300}]},
           {"id": "2026-11-26-trua", "content_html": "<p>Trưa.</p>", "content_text": "Trưa."}
         ]}
        """);
    assertThat(JSON_FEED.validate(feed)).isEmpty();
  }

  // The draft 2020-12 meta-schema ships inside the validator's jar: no network is used.
  @Test
  void schemaIsValidDraft202012() throws IOException {
    JsonSchema metaSchema = FACTORY.getSchema(
        SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), CONFIG);
    JsonNode schema;
    try (var in = getClass().getResourceAsStream("/publish/jsonfeed-1.1.schema.json")) {
      schema = JSON.readTree(in);
    }
    assertThat(metaSchema.validate(schema)).isEmpty();
  }

  private static Arguments broken(String name, JsonSchema schema, Consumer<ObjectNode> breakIt,
      String expected) {
    return Arguments.of(name, schema, breakIt, expected);
  }

  private static String describe(ValidationMessage error) {
    String at = error.getInstanceLocation().toString(); // a JSON Pointer; the root is ""
    String where = (at.isEmpty() ? "(root)" : at) + " " + error.getType();
    return error.getProperty() == null ? where : where + " " + error.getProperty();
  }

  private static ObjectNode item(ObjectNode feed) {
    return (ObjectNode) feed.path("items").get(0);
  }

  private static ObjectNode source(ObjectNode feed) {
    return (ObjectNode) item(feed).path("_bantin").path("sources").get(0);
  }

  private static JsonNode render(FeedMeta meta, List<Story> stories) {
    try {
      return JSON.readTree(new JsonFeedRenderer().render(meta, stories));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
