package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.FeedsConfig;

/**
 * Hand edits of feeds.yml come into force within 5 seconds and touch only what changed; an
 * invalid edit leaves the last valid configuration in force.
 */
class ConfigReloadIT {
  private static final Duration PICKED_UP_WITHIN = Duration.ofSeconds(5);
  private static final String AUTH = "Bearer " + TestServer.TOKEN;

  @TempDir Path data;

  @Test
  void aValidHandEditAppliesOnlyWhatChangedAndAnInvalidOneIsIgnored() throws Exception {
    try (FixtureUpstream upstream = new FixtureUpstream()) {
      FeedsConfig before = new FeedsConfig(Duration.ofHours(1), List.of(
          TestServer.source("vov", upstream.serve("/vov.rss", "rss20_two_items.xml"), "party"),
          TestServer.source("dcs", upstream.serve("/dcs.json", "jsonfeed11_one_item.json"))),
          List.of(TestServer.category("dang", List.of(), List.of("party"))));
      try (TestServer server = TestServer.start(data, TestServer.TOKEN, before)) {
        server.refresh();
        String vovFetched = source(server, "vov").getString("lastFetch");
        int vovRequests = upstream.seen("/vov.rss").size();
        assertThat(new JsonObject(server.get("/feeds/dang.json").body()).getJsonArray("items"))
            .hasSize(2);

        // dcs removed, nhandan added, and the category now takes only Đảng stories of vov.
        FeedsConfig after = new FeedsConfig(Duration.ofHours(1), List.of(
            TestServer.source("vov", upstream.url("/vov.rss"), "party"),
            TestServer.source("nhandan", upstream.serve("/nd.atom",
                "atom10_one_shared_link.xml"))),
            List.of(new vn.bantin.config.CategoryConfig("dang", "Xây dựng Đảng", "", List.of(),
                List.of("party"), List.of("Đảng"), List.of(), null, 50)));
        Files.writeString(data.resolve("feeds.yml"), TestServer.yaml(after));

        eventually(() -> ids(server).equals(List.of("vov", "nhandan")));
        eventually(() -> source(server, "nhandan").getLong("entries") == 2);
        assertThat(source(server, "vov").getString("lastFetch")).as("vov kept its schedule")
            .isEqualTo(vovFetched);
        assertThat(upstream.seen("/vov.rss")).hasSize(vovRequests);
        eventually(() -> new JsonObject(server.get("/feeds/dang.json").body())
            .getJsonArray("items").size() == 1);

        // An invalid edit: the configuration in force stays.
        Files.writeString(data.resolve("feeds.yml"), "version: 1\nsources:\n  - id: BAD\n");
        String history = server.get("/admin/api/config/history", "Authorization", AUTH).body();
        waitFor(PICKED_UP_WITHIN.multipliedBy(2).toMillis());
        assertThat(ids(server)).containsExactly("vov", "nhandan");
        assertThat(server.get("/admin/api/config/history", "Authorization", AUTH).body())
            .isEqualTo(history);
      }
    }
  }

  private static List<String> ids(TestServer server) throws Exception {
    return new JsonArray(server.get("/admin/api/sources", "Authorization", AUTH).body()).stream()
        .map(o -> ((JsonObject) o).getString("id")).toList();
  }

  private static JsonObject source(TestServer server, String id) throws Exception {
    return new JsonArray(server.get("/admin/api/sources", "Authorization", AUTH).body()).stream()
        .map(JsonObject.class::cast).filter(o -> id.equals(o.getString("id"))).findFirst()
        .orElseThrow(() -> new AssertionError("no source " + id));
  }

  /** Waits until {@code condition} holds, at most {@link #PICKED_UP_WITHIN}. */
  private static void eventually(Callable<Boolean> condition) throws Exception {
    Eventually.eventually(PICKED_UP_WITHIN, condition);
  }

  private static void waitFor(long millis) {
    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
  }
}
