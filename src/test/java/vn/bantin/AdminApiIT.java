package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
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

  private static FeedsConfig feeds(FixtureUpstream upstream) {
    return new FeedsConfig(Duration.ofHours(1),
        List.of(TestServer.source("vov", upstream.serve("/vov.rss", "rss20_two_items.xml"))),
        List.of());
  }
}
