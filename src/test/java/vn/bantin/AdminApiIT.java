package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.FeedsConfig;

/** The admin API is behind the bearer token, and off without one. */
class AdminApiIT {
  @TempDir Path data;

  @Test
  void withoutATokenConfiguredTheAdminApiDoesNotExist() throws Exception {
    try (FixtureUpstream upstream = new FixtureUpstream();
        TestServer server = TestServer.start(data, "", feeds(upstream))) {
      for (String path : List.of("/admin/api/sources", "/admin/api/refresh")) {
        HttpResponse<String> r = path.endsWith("refresh") ? server.post(path)
            : server.get(path, "Authorization", "Bearer anything");
        assertThat(r.statusCode()).as(path).isEqualTo(404);
      }
      assertThat(server.get("/feeds/all.rss").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aMissingOrWrongTokenGets401WithAChallenge() throws Exception {
    try (FixtureUpstream upstream = new FixtureUpstream();
        TestServer server = TestServer.start(data, TestServer.TOKEN, feeds(upstream))) {
      HttpResponse<String> missing = server.get("/admin/api/sources");
      assertThat(missing.statusCode()).isEqualTo(401);
      assertThat(missing.headers().firstValue("WWW-Authenticate").orElseThrow())
          .startsWith("Bearer");
      assertThat(new JsonObject(missing.body()).getString("error")).isEqualTo("unauthorized");
      for (String wrong : List.of("Bearer " + TestServer.TOKEN + "x", "Bearer ",
          "Basic " + TestServer.TOKEN, "Bearer test-admin-toke")) {
        assertThat(server.post("/admin/api/refresh", "Authorization", wrong).statusCode())
            .as(wrong).isEqualTo(401);
      }
      HttpResponse<String> refresh = server.refresh();
      assertThat(refresh.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(refresh.body()).fieldNames())
          .containsExactlyInAnyOrder("sources", "fetched", "notModified", "new", "duplicates",
              "errors");
      HttpResponse<String> one = server.post("/admin/api/sources/vov/refresh",
          "Authorization", "Bearer " + TestServer.TOKEN);
      assertThat(new JsonObject(one.body()).getInteger("sources")).isEqualTo(1);
      assertThat(server.post("/admin/api/sources/nope/refresh",
          "Authorization", "Bearer " + TestServer.TOKEN).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void withoutATokenTheConfigurationRoutesDoNotExistEither() throws Exception {
    Path feedsFile = data.resolve("feeds.yml");
    Files.writeString(feedsFile, AdminConfigIT.feedsYaml("https://vov.vn/rss/chinh-tri.rss"));
    try (TestServer server = TestServer.start(data.resolve("data"), "", feedsFile)) {
      for (String path : List.of("/admin/api/config", "/admin/api/config/history",
          "/admin/api/status")) {
        assertThat(server.get(path, "Authorization", "Bearer anything").statusCode()).as(path)
            .isEqualTo(404);
      }
      assertThat(server.request("PUT", "/admin/api/config", "version: 1\n",
          "If-Match", "*").statusCode()).isEqualTo(404);
      assertThat(server.request("POST", "/admin/api/sources", "{}").statusCode())
          .isEqualTo(404);
    }
  }

  @Test
  void fiveWrongTokensFromOneAddressThenEvenTheRightOneGets429() throws Exception {
    try (FixtureUpstream upstream = new FixtureUpstream();
        TestServer server = TestServer.start(data, TestServer.TOKEN, feeds(upstream))) {
      for (int i = 0; i < 5; i++) {
        assertThat(server.get("/admin/api/sources", "Authorization", "Bearer guess-" + i)
            .statusCode()).isEqualTo(401);
      }
      HttpResponse<String> throttled = server.get("/admin/api/sources",
          "Authorization", "Bearer " + TestServer.TOKEN);
      assertThat(throttled.statusCode()).isEqualTo(429);
      assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow()))
          .isBetween(1L, 60L);
      assertThat(new JsonObject(throttled.body()).getString("error"))
          .isEqualTo("too_many_failures");
      // The public side is not throttled.
      assertThat(server.get("/feeds/all.rss").statusCode()).isEqualTo(200);
    }
  }

  private static FeedsConfig feeds(FixtureUpstream upstream) {
    return new FeedsConfig(Duration.ofHours(1),
        List.of(TestServer.source("vov", upstream.serve("/vov.rss", "rss20_two_items.xml"))),
        List.of());
  }
}
