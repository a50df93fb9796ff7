package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.FeedsConfig;

/** The embeddable HTML list over HTTP: a fixture upstream, a real bantin, its SQLite store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlListIT {
  private static final String MERGED =
      "Đảng ủy Khối triển khai Năm tăng cường công tác dân vận";

  private FixtureUpstream upstream;
  private TestServer server;

  @BeforeAll
  void start(@TempDir Path data) throws Exception {
    upstream = new FixtureUpstream();
    FeedsConfig feeds = new FeedsConfig(Duration.ofHours(1), List.of(
        TestServer.source("vov", upstream.serve("/vov.rss", "rss20_two_items.xml"), "party"),
        TestServer.source("nhandan", upstream.serve("/nd.atom", "atom10_one_shared_link.xml"),
            "party")),
        List.of(TestServer.category("dang", List.of(), List.of("party")),
            TestServer.category("trong", List.of(), List.of("no-such-tag"))));
    server = TestServer.start(data, TestServer.TOKEN, feeds);
    assertThat(server.refresh().statusCode()).isEqualTo(200);
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    upstream.close();
  }

  @Test
  void theListIsServedAsAnEmbeddableLockedDownPage() throws Exception {
    HttpResponse<String> html = server.get("/feeds/all.html");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(html.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(html.headers().firstValue("Content-Security-Policy")).hasValue(
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors *");
    assertThat(html.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(html.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(html.headers().firstValue("X-Frame-Options")).as("any portal may frame it")
        .isEmpty();
    Document doc = parse(html.body());
    assertThat(doc.title()).isEqualTo("Tất cả tin");
    assertThat(doc.select("script, link, img, iframe, [src]")).isEmpty();
    assertThat(doc.select("header a").eachAttr("href")).containsExactly(
        server.url("/feeds/all.rss"), server.url("/feeds/all.atom"),
        server.url("/feeds/all.json"));
    assertThat(html.body()).doesNotContain("alert(1)");
  }

  @Test
  void aMergedStoryShowsItsFirstSourceAndLinksTheOtherAsAlsoReportedBy() throws Exception {
    // Both polls run at once, so either source may be the first sighting: the JSON Feed says
    // which, and the page must say the same.
    JsonObject story = new JsonObject(server.get("/feeds/all.json").body())
        .getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> MERGED.equals(i.getString("title"))).findFirst().orElseThrow();
    JsonArray sources = story.getJsonObject("_bantin").getJsonArray("sources");
    assertThat(sources).hasSize(2);
    JsonObject first = sources.getJsonObject(0);
    JsonObject other = sources.getJsonObject(1);

    List<Element> items = parse(server.get("/feeds/all.html").body()).select("ol > li");
    Element merged = items.stream().filter(li -> li.select("h2").text().equals(MERGED))
        .findFirst().orElseThrow();
    assertThat(items.stream().filter(li -> li.select("h2").text().equals(MERGED)))
        .as("one story, not two").hasSize(1);
    assertThat(merged.select("h2 a").attr("href")).isEqualTo(story.getString("url"));
    assertThat(merged.select("p.meta > span").text()).isEqualTo(first.getString("title"));
    assertThat(merged.select("p.meta > time").text())
        .as("Tuesday 24 November, 08:00 or 09:00 in Vietnam")
        .matches("Thứ Ba, 24/11/2026 0[89]:00");
    assertThat(merged.select("p.also").text())
        .isEqualTo("Cũng đưa tin: " + other.getString("title"));
    assertThat(merged.select("p.also a").attr("href")).isEqualTo(other.getString("url"));
    assertThat(merged.select("p.excerpt").text()).doesNotContain("<", "alert");

    Element tea = items.stream().filter(li -> li.text().contains("cây chè")).findFirst()
        .orElseThrow();
    assertThat(tea.select("p.meta").text()).isEqualTo("Nguồn vov · Thứ Hai, 23/11/2026 10:30");
    assertThat(tea.select("p.also")).as("one source only").isEmpty();
  }

  @Test
  void theListIsCachedConditionalAndCompressedLikeTheFeeds() throws Exception {
    HttpResponse<String> first = server.get("/feeds/dang.html?limit=1");
    assertThat(parse(first.body()).select("ol > li")).hasSize(1);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = server.get("/feeds/dang.html?limit=1", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    HttpResponse<byte[]> zipped = server.getBytes("/feeds/dang.html?limit=1",
        "Accept-Encoding", "gzip");
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      assertThat(FeedsIT.utf8(in.readAllBytes())).isEqualTo(first.body());
    }
  }

  @Test
  void anEmptyCategorySaysSoAndAnUnknownOneIsNotFound() throws Exception {
    HttpResponse<String> empty = server.get("/feeds/trong.html");
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(parse(empty.body()).select("p.empty").text()).isEqualTo("Chưa có tin.");
    HttpResponse<String> missing = server.get("/feeds/nope.html");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(missing.body()).getString("error")).isEqualTo("not_found");
  }

  private static Document parse(String html) {
    Parser parser = Parser.htmlParser().setTrackErrors(50);
    Document doc = parser.parseInput(html, "");
    assertThat(parser.getErrors()).as("HTML parse errors").isEmpty();
    return doc;
  }
}
