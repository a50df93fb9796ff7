package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bantin.config.CategoryConfig;
import vn.bantin.config.FeedsConfig;

/**
 * What strangers write, as readers get it back: active content never reaches any output format,
 * oversized fields are capped, a 100,000-item feed keeps its newest entries, and dates that cannot
 * be true become the time the entry was fetched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentSafetyIT {
  /** Case-insensitive; each also checked in its entity-encoded and JSON-escaped forms. */
  private static final List<String> FORBIDDEN = List.of("<script", "javascript:", "vbscript:",
      "onerror", "onload", "onclick", "onmouseover", "<iframe", "<style", "data:text/html",
      "<object", "<embed", "<svg", "<form", "<meta", "srcdoc", "alert(");
  private static final List<String> FORMATS = List.of("rss", "atom", "json", "html");
  private static final long MANY_ITEMS_BOUND_MILLIS = 15_000;

  private HostileUpstream upstream;
  private TunedServer server;
  private Instant started;
  private Instant refreshed;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    upstream = new HostileUpstream();
    Instant longAgo = Instant.now().minus(Duration.ofDays(400));
    var sources = List.of(
        TestServer.source("markup-rss", upstream.resource("/markup.rss", "application/rss+xml",
            "hostile/markup_rss20.xml")),
        TestServer.source("markup-atom", upstream.resource("/markup.atom",
            "application/atom+xml", "hostile/markup_atom10.xml")),
        TestServer.source("markup-json", upstream.resource("/markup.json",
            "application/feed+json", "hostile/markup_jsonfeed11.json")),
        TestServer.source("oversized", upstream.body("/oversized.rss", "application/rss+xml",
            GeneratedFeeds.oversized(2_000, 20_000, 300_000))),
        TestServer.source("nhieu", upstream.gzipped("/nhieu.rss", "application/rss+xml",
            GeneratedFeeds.oldestFirst(100_000, longAgo))),
        TestServer.source("markup-text", upstream.resource("/markup-text.json",
            "application/feed+json", "hostile/markup_as_text_jsonfeed11.json")),
        TestServer.source("ngay", upstream.resource("/ngay.rss", "application/rss+xml",
            "hostile/dates_far_future_and_garbage.xml")));
    List<CategoryConfig> categories = new ArrayList<>();
    categories.add(category("c-markup", "markup-rss", "markup-atom", "markup-json"));
    for (String id : List.of("markup-rss", "markup-text", "oversized", "nhieu", "ngay")) {
      categories.add(category("c-" + id, id));
    }
    var settings = TunedServer.withFetch(dir, TunedServer.fetch(Duration.ofSeconds(20),
        10 << 20, 32 << 20, 8, 8, true));
    // bantin polls every source as it starts; the refresh joins or repeats those polls.
    started = Instant.now();
    server = TunedServer.start(settings, new FeedsConfig(Duration.ofHours(1), sources,
        categories), Duration.ofMillis(200));
    JsonObject summary = server.refresh();
    refreshed = Instant.now();
    System.out.printf("ContentSafetyIT: start-up and a refresh with a 100,000-item feed took "
        + "%d ms: %s%n", Duration.between(started, refreshed).toMillis(), summary);
    assertThat(summary.getInteger("errors")).as(summary.encode()).isZero();
  }

  private static CategoryConfig category(String id, String... sources) {
    return new CategoryConfig(id, "Chuyên mục " + id, "", List.of(sources), List.of(), List.of(),
        List.of(), null, 500);
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    upstream.close();
  }

  @ParameterizedTest(name = "/feeds/all.{0}")
  @ValueSource(strings = {"rss", "atom", "json", "html"})
  void noActiveContentReachesAnyFormat(String format) throws Exception {
    String lower = storiesIn(format, "/feeds/all." + format + "?limit=500")
        .toLowerCase(Locale.ROOT);
    for (String token : FORBIDDEN) {
      assertThat(lower).as("%s in %s", token, format).doesNotContain(token);
    }
  }

  @ParameterizedTest(name = "/feeds/c-markup.{0}")
  @ValueSource(strings = {"rss", "atom", "json", "html"})
  void noActiveMarkupHidesEscapedInAnyFormat(String format) throws Exception {
    String body = storiesIn(format, "/feeds/c-markup." + format);
    // The hostile stories are there, with their text.
    assertThat(body).contains("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5",
        "Chi bộ sinh hoạt chuyên đề", "Học tập và làm theo tư tưởng", "Bài có liên kết độc");
    String lower = body.toLowerCase(Locale.ROOT);
    for (String token : FORBIDDEN) {
      for (String form : forms(token)) {
        assertThat(lower).as("%s in %s", form, format).doesNotContain(form);
      }
    }
  }

  @Test
  void markupWrittenAsPlainTextStaysInertText() throws Exception {
    JsonObject item = new JsonObject(body("/feeds/c-markup-text.json")).getJsonArray("items")
        .getJsonObject(0);
    // JSON Feed says summary and content_text are text: kept as written, never as markup.
    assertThat(item.getString("summary"))
        .isEqualTo("<script>dangNhap()</script>Tóm tắt viết bằng văn bản thuần");
    assertThat(Jsoup.parseBodyFragment(item.getString("content_html")).select("iframe")).isEmpty();
    for (String format : List.of("rss", "atom")) {
      for (String html : RenderedFields.of(format, body("/feeds/c-markup-text." + format))
          .summaries()) {
        assertThat(Jsoup.parseBodyFragment(html).select("script, iframe")).isEmpty();
        assertThat(Jsoup.parseBodyFragment(html).text()).contains("dangNhap()");
      }
    }
    var page = Jsoup.parse(body("/feeds/c-markup-text.html"));
    assertThat(page.select("script, iframe")).isEmpty();
    assertThat(page.text()).contains("<script>dangNhap()</script>Tóm tắt");
  }

  private String body(String path) throws Exception {
    return new String(server.getBytes(path).body(), StandardCharsets.UTF_8);
  }

  /**
   * What the stories put in the answer: the whole feed, or for the HTML list the list items
   * (the page's own head has its meta and style elements).
   */
  private String storiesIn(String format, String path) throws Exception {
    String body = body(path);
    return format.equals("html")
        ? body.substring(body.indexOf("<li>"), body.lastIndexOf("</li>")) : body;
  }

  @Test
  void safeMarkupSurvivesWithAbsoluteLinks() throws Exception {
    var rss = RenderedFields.of("rss", server.get("/feeds/c-markup-rss.rss").body());
    assertThat(rss.summaries()).anySatisfy(html -> assertThat(html)
        .contains("<b>Ban Chấp hành</b>", "https://baolaichau.vn/anh/hoi-nghi.jpg"));
    assertThat(rss.contents()).anySatisfy(html -> assertThat(html)
        .contains("Toàn văn", "https://baolaichau.vn/anh/tuong-doi.jpg"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rss", "atom", "json", "html"})
  void oversizedFieldsAreCappedInEveryFormat(String format) throws Exception {
    var fields = RenderedFields.of(format, server.get("/feeds/c-oversized." + format).body());
    assertThat(fields.titles()).singleElement().satisfies(t ->
        assertThat(t.length()).isBetween(400, 500));
    for (String html : fields.summaries()) {
      assertThat(html.length()).as("summary").isBetween(1_000, 5_000);
    }
    for (String html : fields.contents()) {
      assertThat(html.length()).as("content").isBetween(50_000, 100_000);
    }
  }

  @Test
  void aFeedOf100000ItemsKeepsItsNewestEntriesAndIsDoneInTime() throws Exception {
    assertThat(Duration.between(started, refreshed).toMillis())
        .isLessThan(MANY_ITEMS_BOUND_MILLIS);
    assertThat(server.source("nhieu").getLong("entries")).isEqualTo(200);
    JsonArray items = new JsonObject(server.get("/feeds/c-nhieu.json?limit=500").body())
        .getJsonArray("items");
    List<String> titles = items.stream().map(i -> ((JsonObject) i).getString("title")).toList();
    assertThat(titles).hasSize(200).startsWith("Tin 99999").endsWith("Tin 99800");
  }

  @Test
  void datesInYear9999UnparseableOrBefore1970BecomeTheFetchTime() throws Exception {
    JsonArray items = new JsonObject(server.get("/feeds/c-ngay.json").body())
        .getJsonArray("items");
    List<String> titles = items.stream().map(i -> ((JsonObject) i).getString("title")).toList();
    assertThat(titles).hasSize(4).endsWith("Tin ngày thường")
        .contains("Tin ghi năm 9999", "Tin có ngày không đọc được", "Tin ghi năm 1900");
    for (int i = 0; i < 3; i++) {
      Instant published = Instant.parse(items.getJsonObject(i).getString("date_published"));
      assertThat(published).as(titles.get(i)).isBetween(
          started.truncatedTo(ChronoUnit.SECONDS), refreshed);
    }
    assertThat(items.getJsonObject(3).getString("date_published"))
        .startsWith("2024-06-01T01:00:00");
  }

  /** The token as written, entity-encoded and JSON-escaped (a "<" hidden as {@code \u003c}). */
  private static List<String> forms(String token) {
    if (!token.startsWith("<")) {
      return List.of(token);
    }
    String rest = token.substring(1);
    return List.of(token, "&lt;" + rest, "&#60;" + rest, "\\u003c" + rest);
  }
}
