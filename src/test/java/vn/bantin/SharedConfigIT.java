package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigVersions;
import vn.bantin.config.Settings;
import vn.bantin.store.pg.EmbeddedDatabases;

/**
 * feeds.yml with the shared store: its versions live in PostgreSQL, an edit made through one
 * instance comes into force on every one within about a second (their feeds.yml rewritten to
 * the same bytes), two saves from one version make one winner, and an empty store imports one
 * instance's feeds.yml once.
 */
class SharedConfigIT {
  private static final EmbeddedDatabases DATABASES = EmbeddedDatabases.shared();
  private static final String AUTH = "Bearer " + TestServer.TOKEN;
  /** A notice, then one look at the store. */
  private static final Duration HEARD_WITHIN = Duration.ofSeconds(2);
  /** A hand edit is looked for every 2 s, then announced. */
  private static final Duration HAND_EDIT_WITHIN = Duration.ofSeconds(5);

  private final HttpClient client = HttpClient.newHttpClient();
  private final List<Bantin> started = new ArrayList<>();
  private FixtureUpstream upstream;
  private String url;
  private String original;
  @TempDir Path tmp;

  @BeforeEach
  void start() throws Exception {
    upstream = new FixtureUpstream();
    url = DATABASES.newDatabase();
    original = AdminConfigIT.feedsYaml(upstream.serve("/vov.rss", "rss20_two_items.xml"));
  }

  @AfterEach
  void stop() throws Exception {
    for (Bantin bantin : started) {
      bantin.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    upstream.close();
  }

  @Test
  void anEditThroughOneInstanceIsInForceOnEveryInstanceWithinASecondOrTwo() throws Exception {
    Bantin a = start("a", original);
    // B's own file differs: the store's version wins and replaces it.
    Bantin b = start("b", original.replace("interval: 1h", "interval: 3h"));
    assertThat(fileOf("b")).isEqualTo(original);
    String first = etag(get(b, "/admin/api/config"));
    assertThat(first).isEqualTo(etag(get(a, "/admin/api/config")));

    String edited = original + """
          - id: lai-chau
            title: Lai Châu
            sources: [vov]
        """;
    HttpResponse<String> saved = put(a, edited, first);
    assertThat(saved.statusCode()).isEqualTo(200);
    String second = etag(saved);

    awaitOn(b, second, HEARD_WITHIN);
    HttpResponse<String> onB = get(b, "/admin/api/config");
    assertThat(onB.body()).isEqualTo(edited);
    assertThat(fileOf("b")).isEqualTo(edited);
    assertThat(new JsonObject(get(b, "/admin/api/status").body()).getJsonObject("config")
        .getInteger("version")).isEqualTo(2);
    assertThat(ids(get(b, "/admin/api/categories"))).containsExactly("dang", "lai-chau");
    awaitTrue(() -> statusOf(b, "/feeds/lai-chau.json") == 200, HEARD_WITHIN);
    assertThat(get(b, "/admin/api/config/history").body())
        .isEqualTo(get(a, "/admin/api/config/history").body());
    JsonArray history = new JsonArray(get(b, "/admin/api/config/history").body());
    assertThat(history.stream().map(v -> ((JsonObject) v).getInteger("version")))
        .containsExactly(2, 1);
  }

  @Test
  void twoSavesFromOneVersionOnTwoInstancesMakeOneWinnerAndOne412() throws Exception {
    Bantin a = start("a", original);
    Bantin b = start("b", original);
    String first = etag(get(a, "/admin/api/config"));
    String fromA = original.replace("interval: 1h", "interval: 2h");
    String fromB = original.replace("interval: 1h", "interval: 4h");

    CompletableFuture<HttpResponse<String>> onA = putAsync(a, fromA, first);
    CompletableFuture<HttpResponse<String>> onB = putAsync(b, fromB, first);
    List<Integer> statuses = List.of(onA.get(20, TimeUnit.SECONDS).statusCode(),
        onB.get(20, TimeUnit.SECONDS).statusCode());
    assertThat(statuses).containsExactlyInAnyOrder(200, 412);

    String winner = statuses.get(0) == 200 ? fromA : fromB;
    HttpResponse<String> won = statuses.get(0) == 200 ? onA.get() : onB.get();
    HttpResponse<String> lost = statuses.get(0) == 200 ? onB.get() : onA.get();
    assertThat(new JsonObject(lost.body()).getString("error")).isEqualTo("stale");
    assertThat(etag(lost)).as("the 412 names the winner").isEqualTo(etag(won));
    awaitOn(a, etag(won), HEARD_WITHIN);
    awaitOn(b, etag(won), HEARD_WITHIN);
    assertThat(fileOf("a")).isEqualTo(winner);
    assertThat(fileOf("b")).isEqualTo(winner);
    assertThat(rows("SELECT version FROM config_versions ORDER BY version"))
        .containsExactly(1, 2);
  }

  @Test
  void anEmptyStoreImportsOneFeedsYmlOnceWhenTwoInstancesStartAtOnce() throws Exception {
    String other = original.replace("interval: 1h", "interval: 5h");
    Files.createDirectories(tmp.resolve("a"));
    Files.createDirectories(tmp.resolve("b"));
    Files.writeString(tmp.resolve("a").resolve("feeds.yml"), original);
    Files.writeString(tmp.resolve("b").resolve("feeds.yml"), other);
    Future<Bantin> a = CompletableFuture.supplyAsync(() -> startQuietly("a"));
    Future<Bantin> b = CompletableFuture.supplyAsync(() -> startQuietly("b"));
    Bantin first = a.get(60, TimeUnit.SECONDS);
    Bantin second = b.get(60, TimeUnit.SECONDS);

    assertThat(rows("SELECT version FROM config_versions")).containsExactly(1);
    String inForce = get(first, "/admin/api/config").body();
    assertThat(inForce).isIn(original, other);
    assertThat(get(second, "/admin/api/config").body()).isEqualTo(inForce);
    assertThat(fileOf("a")).isEqualTo(inForce);
    assertThat(fileOf("b")).isEqualTo(inForce);
    for (Bantin bantin : List.of(first, second)) {
      JsonArray history = new JsonArray(get(bantin, "/admin/api/config/history").body());
      assertThat(history).hasSize(1);
      assertThat(history.getJsonObject(0).getString("summary"))
          .isEqualTo("initial: imported from feeds.yml");
    }
  }

  @Test
  void aValidHandEditOfOneInstancesFileIsSavedAndComesInForceEverywhere() throws Exception {
    Bantin a = start("a", original);
    Bantin b = start("b", original);
    String edited = original.replace("interval: 1h", "interval: 2h");
    Files.writeString(tmp.resolve("b").resolve("feeds.yml"), edited);

    String etag = ConfigVersions.etag(edited);
    awaitOn(a, etag, HAND_EDIT_WITHIN);
    assertThat(fileOf("a")).isEqualTo(edited);
    JsonObject newest = new JsonArray(get(a, "/admin/api/config/history").body())
        .getJsonObject(0);
    assertThat(newest.getInteger("version")).isEqualTo(2);
    assertThat(newest.getString("summary")).startsWith("edited on disk:");
  }

  private Bantin start(String name, String feeds) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(dir.resolve("feeds.yml"), feeds);
    return startIn(name);
  }

  private Bantin startQuietly(String name) {
    try {
      return startIn(name);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Bantin startIn(String name) throws Exception {
    Path dir = tmp.resolve(name);
    Settings defaults = TestServer.settings(dir.resolve("data"), TestServer.TOKEN);
    Settings.Store store = defaults.store();
    Settings settings = new Settings(defaults.http(),
        new Settings.Store(store.dataDir(), url, store.retention(), store.readPoolSize()),
        defaults.admin(), defaults.fetch(), defaults.poll(), defaults.parse(), defaults.serve());
    Bantin bantin = Bantin.start(settings, dir.resolve("feeds.yml"), InstantSource.system(),
        Duration.ofMillis(200)).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    synchronized (started) {
      started.add(bantin);
    }
    return bantin;
  }

  private String fileOf(String name) throws Exception {
    return Files.readString(tmp.resolve(name).resolve("feeds.yml"), StandardCharsets.UTF_8);
  }

  private List<Integer> rows(String sql) throws Exception {
    List<Integer> values = new ArrayList<>();
    try (Connection c = DATABASES.jdbc(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getInt(1));
      }
    }
    return values;
  }

  private void awaitOn(Bantin bantin, String etag, Duration within) throws Exception {
    awaitTrue(() -> etag.equals(etag(get(bantin, "/admin/api/config"))), within);
  }

  private static void awaitTrue(Check check, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (!check.holds()) {
      assertThat(System.nanoTime()).as("within %s", within).isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private int statusOf(Bantin bantin, String path) throws Exception {
    return get(bantin, path).statusCode();
  }

  private HttpResponse<String> get(Bantin bantin, String path) throws Exception {
    return client.send(request(bantin, path).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> put(Bantin bantin, String yaml, String ifMatch) throws Exception {
    return putAsync(bantin, yaml, ifMatch).get(20, TimeUnit.SECONDS);
  }

  private CompletableFuture<HttpResponse<String>> putAsync(Bantin bantin, String yaml,
      String ifMatch) {
    return client.sendAsync(request(bantin, "/admin/api/config").header("If-Match", ifMatch)
        .PUT(HttpRequest.BodyPublishers.ofString(yaml)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(Bantin bantin, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bantin.port() + path))
        .header("Authorization", AUTH).timeout(Duration.ofSeconds(20));
  }

  private static String etag(HttpResponse<?> response) {
    return response.headers().firstValue("ETag").orElseThrow();
  }

  private static List<String> ids(HttpResponse<String> response) {
    return new JsonArray(response.body()).stream()
        .map(item -> ((JsonObject) item).getString("id")).toList();
  }
}
