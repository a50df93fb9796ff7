package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.FeedsConfig;

/** What an upstream's answers do to a source: a permanent move, Gone, a server error. */
class UpstreamChangesIT {
  private static final String AUTH = "Bearer " + TestServer.TOKEN;

  @TempDir Path data;

  @Test
  void aPermanentRedirectMovesTheSourceAndGoneStopsIt() throws Exception {
    try (FixtureUpstream upstream = new FixtureUpstream()) {
      String old = upstream.url("/old.rss");
      String moved = upstream.serve("/new.rss", "rss20_two_items.xml");
      upstream.answer("/old.rss", 301, "Location", "/new.rss");
      FeedsConfig feeds = new FeedsConfig(Duration.ofHours(1),
          List.of(TestServer.source("vov", old)), List.of());
      try (TestServer server = TestServer.start(data, TestServer.TOKEN, feeds)) {
        server.refresh();
        JsonObject vov = source(server);
        assertThat(vov.getString("url")).isEqualTo(moved);
        assertThat(vov.getLong("entries")).isEqualTo(2);

        int oldRequests = upstream.seen("/old.rss").size();
        server.refresh();
        assertThat(upstream.seen("/old.rss")).as("polled at the new URL").hasSize(oldRequests);

        upstream.answer("/new.rss", 410, "Content-Type", "text/plain");
        JsonObject summary = new JsonObject(server.refresh().body());
        assertThat(summary.getInteger("errors")).isEqualTo(1);
        JsonObject gone = source(server);
        assertThat(gone.getString("errorCode")).isEqualTo("gone");
        assertThat(gone.getBoolean("enabled")).isFalse();
        int goneRequests = upstream.seen("/new.rss").size();
        assertThat(new JsonObject(server.refresh().body()).getInteger("sources")).isZero();
        assertThat(upstream.seen("/new.rss")).hasSize(goneRequests);
        assertThat(new JsonObject(server.get("/feeds/all.json").body()).getJsonArray("items"))
            .as("what was stored stays served").hasSize(2);
      }
    }
  }

  @Test
  void aServerErrorBacksOffAndKeepsWhatWasStored() throws Exception {
    try (FixtureUpstream upstream = new FixtureUpstream()) {
      FeedsConfig feeds = new FeedsConfig(Duration.ofHours(1), List.of(
          TestServer.source("vov", upstream.serve("/vov.rss", "rss20_two_items.xml"))),
          List.of());
      try (TestServer server = TestServer.start(data, TestServer.TOKEN, feeds)) {
        server.refresh();
        upstream.answer("/vov.rss", 503, "Retry-After", "7200");
        server.refresh();
        JsonObject vov = source(server);
        assertThat(vov.getString("errorCode")).isEqualTo("rate_limited");
        assertThat(vov.getInteger("lastStatus")).isEqualTo(503);
        assertThat(vov.getInteger("failures")).isEqualTo(1);
        assertThat(java.time.Instant.parse(vov.getString("nextPoll")))
            .isAfter(java.time.Instant.now().plus(Duration.ofMinutes(119)));
        assertThat(vov.getLong("entries")).isEqualTo(2);
        assertThat(new JsonObject(server.get("/feeds/all.json").body()).getJsonArray("items"))
            .hasSize(2);
      }
    }
  }

  private static JsonObject source(TestServer server) throws Exception {
    return new JsonArray(server.get("/admin/api/sources", "Authorization", AUTH).body())
        .getJsonObject(0);
  }
}
