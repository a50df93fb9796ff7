package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.FeedsConfig;

/**
 * Renderings are built once per content change: concurrent requests share one render, a poll
 * that brings nothing new re-renders nothing, and one that does re-renders its categories only.
 */
class RenderCacheIT {
  private static final Pattern RSS_RENDERS =
      Pattern.compile("bantin_render_count_total\\{format=\"rss\"[^}]*} ([0-9.]+)");

  @TempDir Path data;

  @Test
  void aRenderingIsBuiltOncePerContentChange() throws Exception {
    try (FixtureUpstream upstream = new FixtureUpstream()) {
      FeedsConfig feeds = new FeedsConfig(Duration.ofHours(1), List.of(
          TestServer.source("vov", upstream.serve("/vov.rss", "rss20_two_items.xml"), "party"),
          TestServer.source("dcs", upstream.serve("/dcs.json", "jsonfeed11_one_item.json"))),
          List.of(TestServer.category("dang", List.of(), List.of("party"))));
      try (TestServer server = TestServer.start(data, TestServer.TOKEN, feeds)) {
        server.refresh();
        double before = rssRenders(server);

        List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
          requests.add(CompletableFuture.supplyAsync(() -> get(server, "/feeds/all.rss")));
        }
        List<String> etags = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> r : requests) {
          etags.add(r.get().headers().firstValue("ETag").orElseThrow());
        }
        assertThat(etags).as("every answer is the same rendering").containsOnly(etags.get(0));
        assertThat(rssRenders(server) - before).as("32 concurrent requests, one render")
            .isEqualTo(1);

        server.refresh(); // every source answers 304: nothing new
        get(server, "/feeds/all.rss");
        get(server, "/feeds/dang.rss"); // its first request: one render
        assertThat(rssRenders(server) - before).as("after a poll that brought nothing")
            .isEqualTo(2);

        upstream.serve("/dcs.json", "jsonfeed11_other_item.json");
        server.refresh(); // a new story from dcs, which only "all" takes
        assertThat(get(server, "/feeds/all.rss").headers().firstValue("ETag").orElseThrow())
            .isNotEqualTo(etags.get(0));
        get(server, "/feeds/dang.rss");
        assertThat(rssRenders(server) - before).as("only the category that changed re-renders")
            .isEqualTo(3);
      }
    }
  }

  private static HttpResponse<String> get(TestServer server, String path) {
    try {
      return server.get(path);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static double rssRenders(TestServer server) throws Exception {
    Matcher m = RSS_RENDERS.matcher(server.get("/metrics").body());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
