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

/** GET and PUT of the whole feeds.yml, its history and rollback, over HTTP. */
class AdminConfigIT {
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
    original = feedsYaml(upstream.serve("/vov.rss", "rss20_two_items.xml"));
    Files.writeString(feedsFile, original);
    server = TestServer.start(dir.resolve("data"), TestServer.TOKEN, feedsFile);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    upstream.close();
  }

  static String feedsYaml(String vovUrl) {
    return """
        # Tin tỉnh Lai Châu — do Ban Tuyên giáo biên tập
        version: 1
        defaults:
          interval: 1h
        sources:
          # VOV, chuyên mục chính trị
          - id: vov
            title: VOV – Chính trị
            url: %s
            tags: [party]
        categories:
          - id: dang
            title: Xây dựng Đảng
            tags: [party]
        """.formatted(vovUrl);
  }

  private HttpResponse<String> getConfig() throws Exception {
    return server.get("/admin/api/config", "Authorization", AUTH);
  }

  private HttpResponse<String> put(String yaml, String etag) throws Exception {
    return etag == null
        ? server.request("PUT", "/admin/api/config", yaml, "Authorization", AUTH)
        : server.request("PUT", "/admin/api/config", yaml, "Authorization", AUTH,
            "If-Match", etag);
  }

  private String etag(HttpResponse<?> r) {
    return r.headers().firstValue("ETag").orElseThrow();
  }

  private void assertFileIsStill(String text) throws Exception {
    assertThat(Files.readAllBytes(feedsFile)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void getServesTheFileByteForByteWithAStrongETag() throws Exception {
    HttpResponse<String> r = getConfig();
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(original);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/yaml; charset=utf-8");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(etag(r)).startsWith("\"").endsWith("\"").doesNotStartWith("W/");
    assertThat(server.get("/admin/api/config", "Authorization", AUTH, "If-None-Match", etag(r))
        .statusCode()).isEqualTo(304);
  }

  @Test
  void aPutWithoutIfMatchIs428AndChangesNothing() throws Exception {
    HttpResponse<String> r = put(original.replace("1h", "2h"), null);
    assertThat(r.statusCode()).isEqualTo(428);
    assertThat(new JsonObject(r.body()).getString("error")).isEqualTo("precondition_required");
    assertFileIsStill(original);
  }

  @Test
  void aValidPutSavesANewVersionThatGetThenServes() throws Exception {
    String etag = etag(getConfig());
    String edited = original.replace("interval: 1h", "interval: 2h");
    HttpResponse<String> r = put(edited, etag);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject body = new JsonObject(r.body());
    assertThat(body.getInteger("version")).isEqualTo(2);
    assertThat(body.getString("etag")).isEqualTo(etag(r)).isNotEqualTo(etag);
    assertThat(body.getString("summary")).isNotBlank();
    assertThat(body.getBoolean("changed")).isTrue();
    assertFileIsStill(edited);
    HttpResponse<String> after = getConfig();
    assertThat(after.body()).isEqualTo(edited);
    assertThat(etag(after)).isEqualTo(etag(r));
  }

  @Test
  void theSameTextAgainIs200UnchangedWithNoNewVersion() throws Exception {
    String etag = etag(getConfig());
    HttpResponse<String> r = put(original, etag);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(etag(r)).isEqualTo(etag);
    assertThat(new JsonObject(r.body()).getBoolean("changed")).isFalse();
    assertThat(history()).hasSize(1);
  }

  @Test
  void anInvalidFileIs422NamingEveryProblemAndTheFileStaysByteIdentical() throws Exception {
    String etag = etag(getConfig());
    String broken = original.replace(upstream.url("/vov.rss"), "ftp://vov.vn/rss")
        .replace("interval: 1h", "interval: 10s");
    HttpResponse<String> r = put(broken, etag);
    assertThat(r.statusCode()).isEqualTo(422);
    JsonArray errors = new JsonObject(r.body()).getJsonArray("errors");
    assertThat(errors).hasSize(2);
    JsonObject url = errors.stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("path").equals("sources[0].url")).findFirst().orElseThrow();
    assertThat(url.getInteger("line")).isEqualTo(9);
    assertThat(url.getString("message")).isNotBlank();
    assertFileIsStill(original);
    assertThat(etag(getConfig())).isEqualTo(etag);
  }

  @Test
  void aStaleIfMatchIs412WithTheETagInForce() throws Exception {
    String etag = etag(getConfig());
    HttpResponse<String> r = put(original.replace("1h", "2h"), "\"not-the-current-one\"");
    assertThat(r.statusCode()).isEqualTo(412);
    assertThat(etag(r)).isEqualTo(etag);
    assertFileIsStill(original);
  }

  @Test
  void twoAdminsEditingAtOnceTheFirstSaveWinsTheSecondGets412() throws Exception {
    String seenByA = etag(getConfig());
    String seenByB = etag(getConfig());
    String byA = original.replace("interval: 1h", "interval: 2h");
    String byB = original.replace("title: Xây dựng Đảng", "title: Công tác Đảng");
    HttpResponse<String> a = put(byA, seenByA);
    HttpResponse<String> b = put(byB, seenByB);
    assertThat(a.statusCode()).isEqualTo(200);
    assertThat(b.statusCode()).isEqualTo(412);
    assertThat(etag(b)).isEqualTo(etag(a));
    assertFileIsStill(byA);
  }

  @Test
  void historyListsVersionsNewestFirstAndRollbackMakesAnOldOneCurrent() throws Exception {
    String v1 = etag(getConfig());
    String edited = original.replace("interval: 1h", "interval: 2h");
    String v2 = etag(put(edited, v1));
    JsonArray history = history();
    assertThat(history).hasSize(2);
    JsonObject newest = history.getJsonObject(0);
    assertThat(newest.fieldNames()).containsExactlyInAnyOrder("version", "etag", "savedAt",
        "summary");
    assertThat(newest.getInteger("version")).isEqualTo(2);
    assertThat(newest.getString("etag")).isEqualTo(v2);
    assertThat(history.getJsonObject(1).getString("etag")).isEqualTo(v1);

    assertThat(rollback("1", null).statusCode()).isEqualTo(428);
    assertThat(rollback("1", v1).statusCode()).as("stale").isEqualTo(412);
    assertThat(rollback("99", v2).statusCode()).isEqualTo(404);
    assertFileIsStill(edited);

    HttpResponse<String> back = rollback("1", v2);
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(back.body()).getInteger("version")).isEqualTo(3);
    assertThat(etag(back)).isEqualTo(v1);
    assertFileIsStill(original);
    assertThat(history()).hasSize(3);
  }

  @Test
  void aBodyOverOneMebibyteIs413AndChangesNothing() throws Exception {
    String etag = etag(getConfig());
    String huge = original + "#" + "x".repeat(1 << 20) + "\n";
    HttpResponse<String> r = put(huge, etag);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(new JsonObject(r.body()).getString("error")).isEqualTo("body_too_large");
    assertFileIsStill(original);
  }

  @Test
  void aBodyThatIsNotUtf8Is400() throws Exception {
    String etag = etag(getConfig());
    byte[] latin1 = original.getBytes(StandardCharsets.ISO_8859_1);
    HttpResponse<String> r = server.request("PUT", "/admin/api/config", latin1,
        "Authorization", AUTH, "If-Match", etag);
    assertThat(r.statusCode()).isEqualTo(400);
    assertFileIsStill(original);
  }

  @Test
  void aSaveThatCannotBeWrittenIs500AndTheFileStays() throws Exception {
    String etag = etag(getConfig());
    // The history folder turns into a plain file: nothing can be saved there (as on a full
    // disk), and a version that cannot be kept never comes into force.
    Path history = dir.resolve("data").resolve("config-history");
    try (var files = Files.list(history)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(history);
    Files.writeString(history, "not a folder");
    HttpResponse<String> r = put(original.replace("1h", "2h"), etag);
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(new JsonObject(r.body()).getString("error")).isEqualTo("save_failed");
    assertFileIsStill(original);
    assertThat(etag(getConfig())).isEqualTo(etag);
  }

  @Test
  void statusReportsAnInvalidHandEditWhileTheLastValidVersionStays() throws Exception {
    String etag = etag(getConfig());
    JsonObject clean = new JsonObject(server.get("/admin/api/status", "Authorization", AUTH)
        .body());
    assertThat(clean.getJsonObject("config").getString("etag")).isEqualTo(etag);
    assertThat(clean.getJsonArray("fileProblems")).isEmpty();

    String handEdit = original.replace("interval: 1h", "interval: 30s");
    Files.writeString(feedsFile, handEdit);
    // Any save looks at the file first; this one is stale, so it changes nothing itself.
    assertThat(put(original, "\"stale\"").statusCode()).isEqualTo(412);
    assertFileIsStill(handEdit);

    JsonObject status = new JsonObject(server.get("/admin/api/status", "Authorization", AUTH)
        .body());
    assertThat(status.getJsonObject("config").getString("etag")).isEqualTo(etag);
    JsonObject problem = status.getJsonArray("fileProblems").getJsonObject(0);
    assertThat(problem.getString("path")).isEqualTo("defaults.interval");
    assertThat(problem.getInteger("line")).isEqualTo(4);
    assertThat(server.get("/metrics").body()).contains("bantin_config_file_invalid 1.0");
  }

  private JsonArray history() throws Exception {
    HttpResponse<String> r = server.get("/admin/api/config/history", "Authorization", AUTH);
    assertThat(r.statusCode()).isEqualTo(200);
    return new JsonArray(r.body());
  }

  private HttpResponse<String> rollback(String version, String etag) throws Exception {
    String path = "/admin/api/config/rollback/" + version;
    return etag == null ? server.request("POST", path, (String) null, "Authorization", AUTH)
        : server.request("POST", path, (String) null, "Authorization", AUTH, "If-Match", etag);
  }
}
