package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies within every byte cap (30 MB once decoded, under 1 MB gzipped on the wire) that hold a
 * million tiny items or elements, polled by bantin on a 256 MB heap: it stays up and keeps
 * serving, takes the newest entries of the huge feeds and refuses the element flood. Before the
 * parser bounded its trees, the first such poll ended in OutOfMemoryError.
 */
class HugeDocumentsIT {
  @TempDir Path dir;

  @Test
  void aSmallHeapSurvivesAMillionItems() throws Exception {
    try (HostileUpstream upstream = new HostileUpstream()) {
      String rss = upstream.gzipped("/trieu-tin.rss", "application/rss+xml", tinyRss(600_000));
      String json = upstream.gzipped("/trieu-tin.json", "application/feed+json",
          tinyJson(1_000_000));
      String flood = upstream.gzipped("/lu.rss", "application/rss+xml", elementFlood(6_000_000));
      String healthy = upstream.resource("/vov.rss", "application/rss+xml",
          "e2e/rss20_two_items.xml");
      Path feeds = BantinProcess.write(dir.resolve("feeds.yml"), """
          version: 1
          sources:
            - {id: trieu-tin-rss, title: RSS, url: "%s"}
            - {id: trieu-tin-json, title: JSON, url: "%s"}
            - {id: lu, title: Flood, url: "%s"}
            - {id: vov, title: VOV, url: "%s"}
          """.formatted(rss, json, flood, healthy));
      Path conf = BantinProcess.write(dir.resolve("bantin.yml"), """
          http: {host: 127.0.0.1, port: 0}
          store: {data_dir: %s}
          admin: {token: %s}
          fetch: {allow_private_networks: true, deadline: 60s}
          """.formatted(dir.resolve("data"), TestServer.TOKEN));
      try (BantinProcess bantin = BantinProcess.start(conf, feeds, Map.of())) { // -Xmx256m
        JsonObject summary = bantin.refresh();
        assertThat(summary.getInteger("errors")).as(summary.encode()).isEqualTo(1);
        JsonArray sources = bantin.sources();
        assertThat(entries(sources, "trieu-tin-rss")).isEqualTo(200);
        assertThat(entries(sources, "trieu-tin-json")).isEqualTo(200);
        assertThat(entries(sources, "vov")).isEqualTo(2);
        assertThat(find(sources, "lu").getString("errorCode")).isEqualTo("body_too_large");
        assertThat(bantin.get("/health").statusCode()).isEqualTo(200);
        assertThat(bantin.get("/feeds/all.json?limit=500").body()).contains("Lai Châu đẩy mạnh");
        assertThat(bantin.log()).noneMatch(line -> line.contains("OutOfMemoryError"));
      }
    }
  }

  private static long entries(JsonArray sources, String id) {
    return find(sources, id).getLong("entries");
  }

  private static JsonObject find(JsonArray sources, String id) {
    return sources.stream().map(JsonObject.class::cast).filter(s -> s.getString("id").equals(id))
        .findFirst().orElseThrow();
  }

  /** {@code n} items of about 50 bytes, every date unreadable (Rome tries all its patterns). */
  private static byte[] tinyRss(int n) {
    StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>t</title>"
        + "<link>https://example.vn/</link><description>d</description>");
    for (int i = 0; i < n; i++) {
      xml.append("<item><guid>").append(i).append("</guid><pubDate>x</pubDate></item>");
    }
    return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] tinyJson(int n) {
    StringBuilder json = new StringBuilder("{\"version\":\"https://jsonfeed.org/version/1.1\","
        + "\"title\":\"t\",\"items\":[");
    for (int i = 0; i < n; i++) {
      json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\"}");
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One item after {@code n} empty elements: 4 bytes each. */
  private static byte[] elementFlood(int n) {
    return ("<rss version=\"2.0\"><channel><title>t</title>" + "<x/>".repeat(n)
        + "<item><guid>1</guid></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
  }
}
