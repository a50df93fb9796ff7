package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.FeedsConfig;

/** What a restart keeps: stories, their ids, and the validators for a conditional first poll. */
class RestartIT {
  @TempDir Path data;

  @Test
  void aRestartKeepsStoriesAndIdsAndPollsConditionally() throws Exception {
    try (FixtureUpstream upstream = new FixtureUpstream()) {
      FeedsConfig feeds = new FeedsConfig(Duration.ofHours(1), List.of(
          TestServer.source("vov", upstream.serve("/vov.rss", "rss20_two_items.xml")),
          TestServer.source("dcs", upstream.serve("/dcs.json", "jsonfeed11_one_item.json"))),
          List.of());
      JsonObject before;
      try (TestServer server = TestServer.start(data, TestServer.TOKEN, feeds)) {
        server.refresh();
        before = new JsonObject(server.get("/feeds/all.json").body());
      }
      assertThat(before.getJsonArray("items")).hasSize(3);
      int requestsBefore = upstream.seen("/vov.rss").size();

      try (TestServer server = TestServer.start(data, TestServer.TOKEN, feeds)) {
        JsonObject after = new JsonObject(server.get("/feeds/all.json").body());
        assertThat(ids(after)).isEqualTo(ids(before));
        // The next poll after a restart sends the stored validators.
        server.post("/admin/api/sources/vov/refresh", "Authorization",
            "Bearer " + TestServer.TOKEN);
        List<FixtureUpstream.Seen> seen = upstream.seen("/vov.rss");
        assertThat(seen).hasSizeGreaterThan(requestsBefore);
        assertThat(seen.subList(requestsBefore, seen.size()))
            .allSatisfy(s -> assertThat(s.ifNoneMatch()).isNotNull());
      }
    }
  }

  private static List<Object> ids(JsonObject feed) {
    return feed.getJsonArray("items").stream().map(i -> ((JsonObject) i).getValue("id")).toList();
  }
}
