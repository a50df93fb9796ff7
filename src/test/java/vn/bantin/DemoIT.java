package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar bantin.jar --demo} as a newcomer runs it: a separate JVM, no network, the
 * bundled sample feeds served over loopback and merged. The planted duplicates are listed in
 * src/main/resources/demo/README.md.
 */
class DemoIT {
  private static final Pattern BASE = Pattern.compile("merged feeds at (http://\\S+)/feeds/");

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void theDemoServesMergedCategoryFeeds() throws Exception {
    Path conf = dir.resolve("bantin.yml");
    Files.writeString(conf, """
        http: {host: 127.0.0.1, port: 0}
        store: {data_dir: %s}
        admin: {token: demo-token}
        """.formatted(dir.resolve("data")));
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--demo",
        "--conf", conf.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      String base = baseUrl(p);
      // The address is printed once the samples are stored: the first look sees them merged.
      Map<String, Integer> entries = new JsonArray(get(base + "/api/categories")).stream()
          .map(JsonObject.class::cast)
          .collect(Collectors.toMap(c -> c.getString("id"), c -> c.getInteger("entries")));
      assertThat(entries).containsEntry("all", 31).containsEntry("lai-chau", 10)
          .containsEntry("thoi-su", 17).containsEntry("xay-dung-dang", 17);
      assertThat(get(base + "/feeds/all.rss")).contains("Lai Châu đặt mục tiêu đón 1,5 triệu");
      JsonObject summary = new JsonObject(send(HttpRequest.newBuilder(URI.create(base
          + "/admin/api/refresh")).header("Authorization", "Bearer demo-token")
          .POST(HttpRequest.BodyPublishers.noBody())).body());
      assertThat(summary.getInteger("errors")).isZero();

      JsonArray items = new JsonObject(get(base + "/feeds/all.json")).getJsonArray("items");
      JsonObject tourism = item(items, "Lai Châu đặt mục tiêu đón 1,5 triệu lượt khách");
      assertThat(sourceIds(tourism)).containsExactlyInAnyOrder("vov-chinh-tri", "baolaichau");
      JsonObject rewritten = item(items, "Chủ tịch nước tiếp Đoàn đại biểu người có uy tín");
      assertThat(sourceIds(rewritten)).containsExactlyInAnyOrder("vov-chinh-tri", "dangcongsan");
      JsonObject nfd = item(items, "Thủ tướng chủ trì phiên họp Chính phủ thường kỳ");
      assertThat(sourceIds(nfd)).containsExactlyInAnyOrder("vov-chinh-tri", "dangcongsan");
      assertThat(items.stream().map(i -> ((JsonObject) i).getString("title"))
          .filter(t -> t.startsWith("Đảng ủy Khối các cơ quan tỉnh"))).hasSize(2);
      assertThat(get(base + "/feeds/lai-chau.rss")).doesNotContain("<script", "onerror",
          "javascript:").contains("https://baolaichau.vn/uploads/anh.jpg");
      assertThat(get(base + "/feeds/xay-dung-dang.atom"))
          .doesNotContain("Xuất khẩu nông sản đang phục hồi");
    } finally {
      p.destroy();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(p.exitValue()).isZero();
  }

  private static String baseUrl(Process p) throws Exception {
    BufferedReader out = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = out.readLine()) != null) {
      Matcher m = BASE.matcher(line);
      if (m.find()) {
        return m.group(1);
      }
      lines.add(line);
    }
    throw new AssertionError("the demo printed no URL: " + lines);
  }

  private static JsonObject item(JsonArray items, String titleStart) {
    return items.stream().map(JsonObject.class::cast)
        .filter(i -> i.getString("title").startsWith(titleStart)).findFirst()
        .orElseThrow(() -> new AssertionError("no item " + titleStart));
  }

  private static List<String> sourceIds(JsonObject item) {
    return item.getJsonObject("_bantin").getJsonArray("sources").stream()
        .map(s -> ((JsonObject) s).getString("id")).toList();
  }

  private String get(String url) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url))).body();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(200);
    return r;
  }
}
