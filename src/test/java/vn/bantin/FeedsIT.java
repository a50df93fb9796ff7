package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.FeedsConfig;

/** The whole pipeline over HTTP: a fixture upstream, a real bantin, its SQLite store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedsIT {
  private FixtureUpstream upstream;
  private TestServer server;

  @BeforeAll
  void start(@TempDir Path data) throws Exception {
    upstream = new FixtureUpstream();
    FeedsConfig feeds = new FeedsConfig(Duration.ofHours(1), List.of(
        TestServer.source("vov", upstream.serve("/vov.rss", "rss20_two_items.xml"), "party"),
        TestServer.source("nhandan", upstream.serve("/nd.atom", "atom10_one_shared_link.xml"),
            "party"),
        TestServer.source("dcs", upstream.serve("/dcs.json", "jsonfeed11_one_item.json")),
        TestServer.source("broken", upstream.serve("/broken.xml", "malformed_truncated.xml"))),
        List.of(TestServer.category("dang", List.of(), List.of("party")),
            TestServer.category("dcs-only", List.of("dcs"), List.of())));
    server = TestServer.start(data, TestServer.TOKEN, feeds);
    assertThat(server.refresh().statusCode()).isEqualTo(200);
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    upstream.close();
  }

  @Test
  void rssMergesEverySourceNewestFirstWithTheSharedStoryOnce() throws Exception {
    HttpResponse<String> rss = server.get("/feeds/all.rss");
    assertThat(rss.statusCode()).isEqualTo(200);
    assertThat(rss.headers().firstValue("Content-Type"))
        .hasValue("application/rss+xml; charset=utf-8");
    String body = rss.body();
    assertThat(body).contains("Hội nghị cán bộ chủ chốt tỉnh Điện Biên",
        "Lai Châu đẩy mạnh phát triển cây chè", "Chi bộ thôn bản nâng cao chất lượng sinh hoạt");
    // The Nhân Dân copy carries VOV's link in another form: one story, not two.
    assertThat(body.split("Đảng ủy Khối triển khai Năm tăng cường", -1)).hasSize(2);
    assertThat(body.indexOf("Điện Biên")).isLessThan(body.indexOf("Lai Châu đẩy mạnh"));
    assertThat(body).doesNotContain("<script>", "alert(1)");
  }

  @Test
  void atomIsServedWithItsContentTypeAndAbsoluteLinks() throws Exception {
    HttpResponse<String> atom = server.get("/feeds/dang.atom");
    assertThat(atom.statusCode()).isEqualTo(200);
    assertThat(atom.headers().firstValue("Content-Type"))
        .hasValue("application/atom+xml; charset=utf-8");
    assertThat(atom.body()).contains("<feed", "Chi bộ thôn bản",
        "https://nhandan.vn/xay-dung-dang/chi-bo-thon-ban-post800002.html")
        .doesNotContain("Điện Biên");
  }

  @Test
  void jsonFeedListsEverySourceOfAMergedStory() throws Exception {
    HttpResponse<String> json = server.get("/feeds/all.json");
    assertThat(json.headers().firstValue("Content-Type"))
        .hasValue("application/feed+json; charset=utf-8");
    assertThat(json.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    JsonObject feed = new JsonObject(json.body());
    assertThat(feed.getString("version")).isEqualTo("https://jsonfeed.org/version/1.1");
    JsonObject merged = feed.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> i.getString("title").startsWith("Đảng ủy Khối triển khai"))
        .findFirst().orElseThrow();
    JsonArray sources = merged.getJsonObject("_bantin").getJsonArray("sources");
    assertThat(sources.stream().map(s -> ((JsonObject) s).getString("id")))
        .containsExactlyInAnyOrder("vov", "nhandan");
    // Both polls run at once, so either may be the first sighting; its link is the story's.
    assertThat(merged.getString("url")).isEqualTo(sources.getJsonObject(0).getString("url"));
  }

  @Test
  void secondPollIsConditionalAndBringsNothingNew() throws Exception {
    JsonObject summary = new JsonObject(server.refresh().body());
    assertThat(summary.getInteger("notModified")).isEqualTo(3);
    assertThat(summary.getInteger("new")).isZero();
    List<FixtureUpstream.Seen> seen = upstream.seen("/vov.rss");
    assertThat(seen.get(seen.size() - 1).ifNoneMatch()).isNotNull();
  }

  @Test
  void aMalformedSourceIsReportedWhileTheOthersKeepTheirEntries() throws Exception {
    HttpResponse<String> status = server.get("/admin/api/sources",
        "Authorization", "Bearer " + TestServer.TOKEN);
    assertThat(status.statusCode()).isEqualTo(200);
    JsonArray sources = new JsonArray(status.body());
    JsonObject broken = find(sources, "broken");
    assertThat(broken.getString("errorCode")).isEqualTo("xml_malformed");
    assertThat(broken.getString("lastError")).isNotBlank();
    assertThat(broken.getInteger("failures")).isPositive();
    JsonObject vov = find(sources, "vov");
    assertThat(vov.getValue("lastError")).isNull();
    assertThat(vov.getLong("entries")).isEqualTo(2);
    assertThat(vov.getString("url")).isEqualTo(upstream.url("/vov.rss"));
  }

  @Test
  void feedAnswersAreCachedAndConditional() throws Exception {
    HttpResponse<String> first = server.get("/feeds/all.atom");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).startsWith("\"");
    assertThat(first.headers().firstValue("Vary")).hasValue("Accept-Encoding");
    assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=60");
    assertThat(server.get("/feeds/all.atom", "If-None-Match", etag).statusCode()).isEqualTo(304);
    String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
    assertThat(server.get("/feeds/all.atom", "If-Modified-Since", lastModified).statusCode())
        .isEqualTo(304);
    assertThat(server.get("/feeds/all.atom", "If-None-Match", "\"other\"").statusCode())
        .isEqualTo(200);
  }

  @Test
  void gzipAndHeadServeTheSameBytes() throws Exception {
    byte[] plain = server.getBytes("/feeds/all.rss").body();
    HttpResponse<byte[]> zipped = server.getBytes("/feeds/all.rss", "Accept-Encoding", "gzip");
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(plain);
    }
    HttpResponse<String> head = server.head("/feeds/all.rss");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Length")).hasValue(
        Integer.toString(plain.length));
    assertThat(head.body()).isEmpty();
  }

  @Test
  void limitCapsTheEntriesAndBadRequestsGetJsonErrors() throws Exception {
    JsonObject one = new JsonObject(server.get("/feeds/all.json?limit=1").body());
    assertThat(one.getJsonArray("items")).hasSize(1);
    for (String bad : List.of("0", "501", "abc", "-3")) {
      HttpResponse<String> r = server.get("/feeds/all.json?limit=" + bad);
      assertThat(r.statusCode()).as("limit=" + bad).isEqualTo(400);
      assertThat(new JsonObject(r.body()).getString("error")).isEqualTo("bad_limit");
    }
    assertThat(server.get("/feeds/nope.rss").statusCode()).isEqualTo(404);
    assertThat(server.get("/feeds/all.xml").statusCode()).isEqualTo(404);
    assertThat(new JsonObject(server.get("/feeds/all.xml").body()).getString("error"))
        .isEqualTo("not_found");
  }

  @Test
  void categoriesOpmlHealthAndMetricsAnswer() throws Exception {
    JsonArray categories = new JsonArray(server.get("/api/categories").body());
    assertThat(categories.stream().map(c -> ((JsonObject) c).getString("id")))
        .containsExactly("all", "dang", "dcs-only");
    JsonObject dcs = find(categories, "dcs-only");
    assertThat(dcs.getInteger("entries")).isEqualTo(1);
    assertThat(dcs.getJsonObject("feeds").getString("rss")).endsWith("/feeds/dcs-only.rss");
    assertThat(server.get("/feeds.opml").body()).contains("<opml", "dcs-only.rss");
    HttpResponse<String> health = server.get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(health.body()).getString("status")).isEqualTo("UP");
    String metrics = server.get("/metrics").body();
    assertThat(metrics).contains("bantin_fetch_duration_seconds_count",
        "bantin_entries_new_total", "bantin_parse_failures_total{code=\"xml_malformed\"",
        "vertx_http_server_requests_total", "bantin_store_writer_rest_seconds_total");
  }

  private static JsonObject find(JsonArray array, String id) {
    return array.stream().map(JsonObject.class::cast).filter(o -> id.equals(o.getString("id")))
        .findFirst().orElseThrow(() -> new AssertionError("no " + id + " in " + array));
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
