package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources and categories edited one at a time as JSON, over HTTP, into an annotated file. */
class AdminItemsIT {
  private static final String AUTH = "Bearer " + TestServer.TOKEN;

  @TempDir Path dir;
  private FixtureUpstream upstream;
  private TestServer server;
  private Path feedsFile;
  private String original;

  @BeforeEach
  void start() throws Exception {
    upstream = new FixtureUpstream();
    feedsFile = dir.resolve("feeds.yml");
    original = AdminConfigIT.feedsYaml(upstream.serve("/vov.rss", "rss20_two_items.xml"));
    Files.writeString(feedsFile, original);
    server = TestServer.start(dir.resolve("data"), TestServer.TOKEN, feedsFile);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    upstream.close();
  }

  private HttpResponse<String> send(String method, String path, String json, String... more)
      throws Exception {
    String[] headers = new String[more.length + 4];
    headers[0] = "Authorization";
    headers[1] = AUTH;
    headers[2] = "Content-Type";
    headers[3] = "application/json";
    System.arraycopy(more, 0, headers, 4, more.length);
    return server.request(method, path, json, headers);
  }

  private String file() throws Exception {
    return Files.readString(feedsFile, StandardCharsets.UTF_8);
  }

  private void assertFileIsStill(String text) throws Exception {
    assertThat(Files.readAllBytes(feedsFile)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
  }

  private String newSource(String id, String url) {
    return new JsonObject().put("id", id).put("title", "VOV – Kinh tế").put("url", url)
        .put("tags", new JsonArray().add("national")).put("interval", "30m")
        .put("enabled", true).encode();
  }

  @Test
  void anAddedSourceIs201KeepsTheFileCommentsAndIsListed() throws Exception {
    HttpResponse<String> r = send("POST", "/admin/api/sources",
        newSource("vov-kinh-te", upstream.serve("/kt.rss", "rss20_two_items.xml")));
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.headers().firstValue("Location")).hasValue("/admin/api/sources/vov-kinh-te");
    assertThat(r.headers().firstValue("ETag")).hasValue(new JsonObject(r.body())
        .getString("etag"));
    assertThat(new JsonObject(r.body()).getInteger("version")).isEqualTo(2);
    assertThat(file()).startsWith(original.substring(0, original.indexOf("categories:")))
        .contains("# Tin tỉnh Lai Châu — do Ban Tuyên giáo biên tập",
            "# VOV, chuyên mục chính trị", "id: vov-kinh-te", "interval: 30m");

    JsonArray sources = new JsonArray(server.get("/admin/api/sources", "Authorization", AUTH)
        .body());
    assertThat(sources.stream().map(s -> ((JsonObject) s).getString("id")))
        .containsExactly("vov", "vov-kinh-te");
    JsonObject added = sources.getJsonObject(1);
    assertThat(added.getString("title")).isEqualTo("VOV – Kinh tế");
    assertThat(added.getBoolean("enabled")).isTrue();
  }

  @Test
  void addingAnIdThatExistsIs409AndChangesNothing() throws Exception {
    HttpResponse<String> r = send("POST", "/admin/api/sources",
        newSource("vov", "https://vov.vn/rss/khac.rss"));
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(new JsonObject(r.body()).getString("error")).isEqualTo("exists");
    assertFileIsStill(original);
  }

  @Test
  void anInvalidSourceIs422WithThePathTheValidatorNamesAndChangesNothing() throws Exception {
    HttpResponse<String> r = send("POST", "/admin/api/sources",
        newSource("vov-kinh-te", "javascript:alert(1)"));
    assertThat(r.statusCode()).isEqualTo(422);
    JsonArray errors = new JsonObject(r.body()).getJsonArray("errors");
    assertThat(errors.stream().map(e -> ((JsonObject) e).getString("path")))
        .containsExactly("sources[1].url");
    assertThat(errors.getJsonObject(0).getInteger("line")).isPositive();
    assertFileIsStill(original);
  }

  @Test
  void aBodyOfTheWrongShapeIs400NamingTheFieldAndChangesNothing() throws Exception {
    HttpResponse<String> list = send("POST", "/admin/api/sources", "[\"vov\"]");
    assertThat(list.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(list.body()).getString("error")).isEqualTo("bad_body");
    HttpResponse<String> tags = send("POST", "/admin/api/sources",
        "{\"id\": \"vtv\", \"tags\": \"party\"}");
    assertThat(tags.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(tags.body()).getString("field")).isEqualTo("tags");
    HttpResponse<String> rename = send("PUT", "/admin/api/sources/vov", "{\"id\": \"vtv\"}");
    assertThat(rename.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(rename.body()).getString("field")).isEqualTo("id");
    assertFileIsStill(original);
  }

  @Test
  void aSourceIsReplacedWhereItStandsAndRemoved() throws Exception {
    HttpResponse<String> put = send("PUT", "/admin/api/sources/vov", new JsonObject()
        .put("title", "VOV – Thời sự").put("url", upstream.url("/vov.rss"))
        .put("tags", new JsonArray().add("party")).put("enabled", false).encode());
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(file()).contains("# VOV, chuyên mục chính trị\n  - id: vov\n",
        "title: VOV – Thời sự", "enabled: false");
    JsonObject listed = new JsonArray(server.get("/admin/api/sources", "Authorization", AUTH)
        .body()).getJsonObject(0);
    assertThat(listed.getString("title")).isEqualTo("VOV – Thời sự");
    assertThat(listed.getBoolean("enabled")).isFalse();

    assertThat(send("PUT", "/admin/api/sources/vtv", "{\"title\": \"VTV\"}").statusCode())
        .isEqualTo(404);
    String before = file();
    assertThat(send("DELETE", "/admin/api/sources/vtv", null).statusCode()).isEqualTo(404);
    assertFileIsStill(before);

    // The category takes sources by tag, so vov can go; its comment goes with it.
    HttpResponse<String> delete = send("DELETE", "/admin/api/sources/vov", null);
    assertThat(delete.statusCode()).isEqualTo(204);
    assertThat(delete.headers().firstValue("ETag")).isPresent();
    assertThat(file()).doesNotContain("id: vov", "# VOV, chuyên mục chính trị")
        .contains("# Tin tỉnh Lai Châu");
    assertThat(new JsonArray(server.get("/admin/api/sources", "Authorization", AUTH).body()))
        .isEmpty();
  }

  @Test
  void removingASourceACategoryNamesIs422AndChangesNothing() throws Exception {
    String etag = send("POST", "/admin/api/categories", new JsonObject().put("id", "vov-only")
        .put("title", "Chỉ VOV").put("sources", new JsonArray().add("vov")).encode())
        .headers().firstValue("ETag").orElseThrow();
    String before = file();
    HttpResponse<String> r = send("DELETE", "/admin/api/sources/vov", null);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(r.body()).getJsonArray("errors").getJsonObject(0)
        .getString("path")).startsWith("categories[1].sources");
    assertFileIsStill(before);
    assertThat(server.get("/admin/api/config", "Authorization", AUTH).headers()
        .firstValue("ETag")).hasValue(etag);
  }

  @Test
  void ifMatchIsOptionalOnItemsButAStaleOneIs412() throws Exception {
    String etag = server.get("/admin/api/config", "Authorization", AUTH).headers()
        .firstValue("ETag").orElseThrow();
    HttpResponse<String> first = send("PUT", "/admin/api/categories/dang",
        "{\"title\": \"Đảng\", \"tags\": [\"party\"]}", "If-Match", etag);
    assertThat(first.statusCode()).isEqualTo(200);
    String saved = file();
    HttpResponse<String> stale = send("PUT", "/admin/api/categories/dang",
        "{\"title\": \"Công tác Đảng\", \"tags\": [\"party\"]}", "If-Match", etag);
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(stale.headers().firstValue("ETag"))
        .hasValue(first.headers().firstValue("ETag").orElseThrow());
    assertFileIsStill(saved);
  }

  @Test
  void categoriesAreAddedChangedAndRemovedTheSameWay() throws Exception {
    String category = new JsonObject().put("id", "lai-chau").put("title", "Lai Châu")
        .put("tags", new JsonArray().add("party")).put("include", new JsonArray().add("Lai Châu"))
        .put("max_age", "30d").put("limit", 20).encode();
    HttpResponse<String> created = send("POST", "/admin/api/categories", category);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location"))
        .hasValue("/admin/api/categories/lai-chau");
    assertThat(send("POST", "/admin/api/categories", category).statusCode()).isEqualTo(409);

    String before = file();
    HttpResponse<String> tooMany = send("PUT", "/admin/api/categories/lai-chau",
        "{\"title\": \"Lai Châu\", \"tags\": [\"party\"], \"limit\": 1000}");
    assertThat(tooMany.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(tooMany.body()).getJsonArray("errors").getJsonObject(0)
        .getString("path")).isEqualTo("categories[1].limit");
    HttpResponse<String> reserved = send("POST", "/admin/api/categories",
        "{\"id\": \"all\", \"title\": \"Tất cả\", \"tags\": [\"party\"]}");
    assertThat(reserved.statusCode()).isEqualTo(422);
    assertFileIsStill(before);

    assertThat(send("PUT", "/admin/api/categories/lai-chau",
        "{\"title\": \"Tin Lai Châu\", \"tags\": [\"party\"]}").statusCode()).isEqualTo(200);
    assertThat(file()).contains("title: Tin Lai Châu").doesNotContain("max_age");
    assertThat(send("DELETE", "/admin/api/categories/lai-chau", null).statusCode())
        .isEqualTo(204);
    assertThat(send("DELETE", "/admin/api/categories/lai-chau", null).statusCode())
        .isEqualTo(404);
    assertThat(file()).doesNotContain("lai-chau").contains("id: dang");
    assertThat(historySize()).isEqualTo(4);
  }

  private int historySize() throws Exception {
    return new JsonArray(server.get("/admin/api/config/history", "Authorization", AUTH).body())
        .size();
  }
}
