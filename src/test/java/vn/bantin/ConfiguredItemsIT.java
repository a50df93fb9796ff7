package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /admin/api/sources/{id}} and {@code /admin/api/categories[/{id}]}: what the admin
 * page's edit forms start from, sent back by PUT.
 */
class ConfiguredItemsIT {
  @TempDir Path dir;

  @Test
  void itemsAreReadInTheShapePutTakes() throws Exception {
    try (FixtureUpstream upstream = new FixtureUpstream();
        TestServer server = TestServer.start(dir.resolve("data"), TestServer.TOKEN,
            AdminPageIT.feedsFile(dir, upstream))) {
      String auth = "Bearer " + TestServer.TOKEN;
      String etag = server.get("/admin/api/config", "Authorization", auth).headers()
          .firstValue("ETag").orElseThrow();
      HttpResponse<String> vov = server.get("/admin/api/sources/vov", "Authorization", auth);
      assertThat(vov.statusCode()).isEqualTo(200);
      assertThat(vov.headers().firstValue("ETag")).hasValue(etag);
      // Defaults left out (vov follows the default interval), so the item goes back unchanged.
      assertThat(new JsonObject(vov.body()).getMap()).containsOnlyKeys(
          "id", "title", "url", "tags").containsEntry("tags", List.of("party"));
      HttpResponse<String> same = server.request("PUT", "/admin/api/sources/vov", vov.body(),
          "Authorization", auth, "If-Match", etag, "Content-Type", "application/json");
      assertThat(same.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(same.body()).getBoolean("changed")).isFalse();

      assertThat(server.request("POST", "/admin/api/sources", new JsonObject().put("id", "nd")
          .put("title", "Nhân Dân").put("url", upstream.url("/nd.rss")).put("interval", "10m")
          .put("enabled", false).encode(), "Authorization", auth, "Content-Type", "application/json").statusCode())
          .isEqualTo(201);
      assertThat(new JsonObject(server.get("/admin/api/sources/nd", "Authorization", auth).body())
          .getMap()).containsEntry("interval", "10m").containsEntry("enabled", false);

      JsonArray categories = new JsonArray(server.get("/admin/api/categories",
          "Authorization", auth).body());
      assertThat(categories).hasSize(1);
      assertThat(categories.getJsonObject(0).getMap()).containsOnlyKeys("id", "title", "tags")
          .containsEntry("id", "dang").containsEntry("tags", List.of("party"));
      assertThat(server.get("/admin/api/categories/dang", "Authorization", auth).body())
          .isEqualTo(categories.getJsonObject(0).encode());
      assertThat(server.get("/admin/api/categories/nope", "Authorization", auth).statusCode())
          .isEqualTo(404);
      assertThat(server.get("/admin/api/sources/nope", "Authorization", auth).statusCode())
          .isEqualTo(404);
      assertThat(server.get("/admin/api/categories").statusCode()).isEqualTo(401);
    }
  }
}
