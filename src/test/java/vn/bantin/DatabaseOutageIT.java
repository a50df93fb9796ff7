package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.Eventually.eventually;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.Settings;

/**
 * Two instances on one PostgreSQL server that stops and comes back: meanwhile both keep serving
 * what they have rendered (same ETag, 304), a feed not rendered yet gets a quick 503, polls fail
 * as {@code store_failed} without fetching or storing anything, and once the server is back on
 * the same data directory the next poll brings the story published meanwhile, once, to both.
 */
class DatabaseOutageIT {
  private static final Duration LEASE = Duration.ofSeconds(4);
  /** How long a request may take while the database is down: well under a hang. */
  private static final Duration QUICK = Duration.ofSeconds(8);
  private static final List<String> RENDERED = List.of("/feeds/xay-dung-dang.json",
      "/feeds/xay-dung-dang.rss", "/feeds/all.atom");

  @TempDir Path tmp;
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<Bantin> running = new ArrayList<>();
  private final BlockedThreads watcher = new BlockedThreads();
  private final List<String> blocked = watcher.warnings();
  private EmbeddedPostgres postgres;
  private int port;
  private FixtureUpstream upstream;

  @BeforeEach
  void database() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    postgres = startPostgres();
    upstream = new FixtureUpstream();
    Logger.getLogger("").addHandler(watcher);
  }

  @AfterEach
  void stopAll() throws Exception {
    Logger.getLogger("").removeHandler(watcher);
    for (Bantin bantin : running) {
      bantin.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
    upstream.close();
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void instancesServeWhatTheyRenderedAndResumeWhenTheDatabaseIsBack() throws Exception {
    FeedsConfig feeds = new FeedsConfig(Duration.ofHours(1),
        List.of(TestServer.source("dcs", upstream.serve("/dcs.json", "jsonfeed11_one_item.json"))),
        List.of(TestServer.category("xay-dung-dang", List.of("dcs"), List.of())));
    Path feedsFile = Files.writeString(tmp.resolve("feeds.yml"), TestServer.yaml(feeds));
    Bantin a = start("a", feedsFile);
    Bantin b = start("b", feedsFile);
    // The source is due at once: one of them polls it, and both serve its story.
    eventually(Duration.ofSeconds(10), () -> items(a).size() == 1 && items(b).size() == 1
        && query("SELECT COUNT(*) FROM sources WHERE lease_holder IS NOT NULL") == 0);
    Map<String, String> etags = new ConcurrentHashMap<>();
    for (Bantin bantin : List.of(a, b)) {
      for (String path : RENDERED) {
        HttpResponse<String> answer = send(bantin, "GET", path, Map.of());
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        String etag = answer.headers().firstValue("ETag").orElseThrow();
        assertThat(etags.putIfAbsent(path, etag)).as("both instances' " + path)
            .isIn(null, etag);
      }
    }
    int fetches = upstream.seen("/dcs.json").size();
    String validator = text("SELECT etag FROM sources WHERE id = 'dcs'");
    assertThat(validator).isNotNull();

    postgres.close();
    postgres = null;
    for (Bantin bantin : List.of(a, b)) {
      for (String path : RENDERED) {
        HttpResponse<String> answer = send(bantin, "GET", path, Map.of());
        assertThat(answer.statusCode()).as(path + " while the database is down").isEqualTo(200);
        assertThat(answer.headers().firstValue("ETag")).hasValue(etags.get(path));
        assertThat(send(bantin, "GET", path, Map.of("If-None-Match", etags.get(path)))
            .statusCode()).as(path).isEqualTo(304);
      }
    }
    HttpResponse<String> unrendered = send(a, "GET", "/feeds/all.json?limit=7", Map.of());
    assertThat(unrendered.statusCode()).isEqualTo(503);
    assertThat(unrendered.headers().firstValue("Content-Type")).get().asString()
        .startsWith("application/json");
    assertThat(new JsonObject(unrendered.body()).getString("error")).isEqualTo("unavailable");

    JsonObject refresh = new JsonObject(send(a, "POST", "/admin/api/refresh", Map.of()).body());
    assertThat(refresh.getInteger("sources")).isEqualTo(1);
    assertThat(refresh.getInteger("errors")).isEqualTo(1);
    JsonObject status = sourceStatus(a);
    assertThat(status.getString("errorCode")).isEqualTo("store_failed");
    assertThat(status.getValue("entries")).as("unknown while the store is down").isNull();
    assertThat(upstream.seen("/dcs.json")).as("nothing fetched that could not be stored")
        .hasSize(fetches);
    upstream.serve("/dcs.json", "jsonfeed11_other_item.json");

    postgres = startPostgres();
    // The admin's refresh still shows as the latest attempt, the store's state being older.
    eventually(QUICK, () -> send(a, "GET", "/admin/api/sources", Map.of()).statusCode() == 200
        && sourceStatus(a).getValue("entries") != null);
    assertThat(sourceStatus(a).getString("errorCode")).isEqualTo("store_failed");
    execute("UPDATE sources SET next_poll = 0"); // the interval has passed: a due poll
    eventually(LEASE.plusSeconds(20), () -> items(a).size() == 2 && items(b).size() == 2);

    assertThat(upstream.seen("/dcs.json")).hasSize(fetches + 1);
    // From the validators stored with the first poll's entries, not anything later.
    assertThat(upstream.seen("/dcs.json").get(fetches).ifNoneMatch()).isEqualTo(validator);
    assertThat(new HashSet<>(items(a))).hasSize(2).isEqualTo(new HashSet<>(items(b)));
    assertThat(query("SELECT COUNT(*) FROM stories")).isEqualTo(2);
    for (Bantin bantin : List.of(a, b)) {
      JsonObject polled = sourceStatus(bantin);
      assertThat(polled.getValue("errorCode")).isNull();
      assertThat(polled.getInteger("entries")).isEqualTo(2);
    }
    assertThat(blocked).as("Vert.x blocked-thread warnings").isEmpty();
  }

  /**
   * A poll whose fetch is under way when the database goes away cannot store its entries, nor
   * release its lease: the source is polled again once the database is back and that lease has
   * run out, from the validators stored before (none), so its story is not skipped.
   */
  @Test
  void aPollCutOffFromTheDatabaseIsRedoneFromTheStoredValidators() throws Exception {
    BlockingQueue<HttpServerRequest> held = new LinkedBlockingQueue<>();
    List<String> conditions = new CopyOnWriteArrayList<>();
    AtomicBoolean holding = new AtomicBoolean(true);
    byte[] body = HostileUpstream.read("e2e/jsonfeed11_one_item.json");
    try (HostileUpstream slow = new HostileUpstream()) {
      String feedUrl = slow.on("/nd.json", request -> {
        conditions.add(String.valueOf(request.getHeader("If-None-Match")));
        if (holding.get()) {
          held.add(request);
        } else {
          answer(request, body);
        }
      });
      FeedsConfig feeds = new FeedsConfig(Duration.ofHours(1),
          List.of(TestServer.source("nd", feedUrl)), List.of());
      Path feedsFile = Files.writeString(tmp.resolve("feeds.yml"), TestServer.yaml(feeds));
      Bantin a = start("a", feedsFile);
      Bantin b = start("b", feedsFile);
      HttpServerRequest first = held.poll(20, TimeUnit.SECONDS);
      assertThat(first).as("a poll under way").isNotNull();
      assertThat(query("SELECT COUNT(*) FROM sources WHERE lease_holder IS NOT NULL"))
          .isEqualTo(1);

      postgres.close();
      postgres = null;
      holding.set(false);
      answer(first, body);
      eventually(QUICK, () -> List.of(sourceStatus(a), sourceStatus(b)).stream()
          .anyMatch(s -> "store_failed".equals(s.getString("errorCode"))
              && Integer.valueOf(200).equals(s.getInteger("lastStatus"))));

      postgres = startPostgres();
      eventually(LEASE.plusSeconds(20), () -> all(a).size() == 1 && all(b).size() == 1);
      assertThat(conditions).as("fetched again, unconditionally: no validator was stored")
          .containsExactly("null", "null");
      assertThat(query("SELECT COUNT(*) FROM stories")).isEqualTo(1);
      assertThat(blocked).as("Vert.x blocked-thread warnings").isEmpty();
    }
  }

  private static void answer(HttpServerRequest request, byte[] body) {
    request.response().putHeader("ETag", "\"nd-1\"")
        .putHeader("Content-Type", "application/feed+json").end(Buffer.buffer(body));
  }

  private List<String> all(Bantin bantin) throws Exception {
    HttpResponse<String> answer = send(bantin, "GET", "/feeds/all.json", Map.of());
    if (answer.statusCode() != 200) {
      return List.of();
    }
    return new JsonObject(answer.body()).getJsonArray("items").stream()
        .map(i -> ((JsonObject) i).getString("id")).toList();
  }

  private EmbeddedPostgres startPostgres() throws Exception {
    return EmbeddedPostgres.builder()
        .setDataDirectory(tmp.resolve("pgdata"))
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  private Bantin start(String name, Path feedsFile) throws Exception {
    Settings defaults = TestServer.settings(tmp.resolve(name), TestServer.TOKEN);
    Settings.Store store = defaults.store();
    Settings settings = new Settings(
        new Settings.Http("127.0.0.1", 0, "https://tin.example.vn"),
        new Settings.Store(store.dataDir(), "postgresql://postgres@localhost:" + port
            + "/postgres", store.retention(), store.readPoolSize()),
        defaults.admin(), defaults.fetch(), defaults.poll(), defaults.parse(), defaults.serve());
    Bantin bantin = Bantin.start(settings, feedsFile, InstantSource.system(),
            Duration.ofMillis(200), LEASE)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    running.add(bantin);
    return bantin;
  }

  private List<String> items(Bantin bantin) throws Exception {
    HttpResponse<String> answer = send(bantin, "GET", "/feeds/xay-dung-dang.json", Map.of());
    if (answer.statusCode() != 200) {
      return List.of();
    }
    return new JsonObject(answer.body()).getJsonArray("items").stream()
        .map(i -> ((JsonObject) i).getString("id")).toList();
  }

  private JsonObject sourceStatus(Bantin bantin) throws Exception {
    HttpResponse<String> answer = send(bantin, "GET", "/admin/api/sources", Map.of());
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonArray sources = new JsonArray(answer.body());
    assertThat(sources).hasSize(1);
    return sources.getJsonObject(0);
  }

  /** A request that must be answered within {@link #QUICK}, database or not. */
  private HttpResponse<String> send(Bantin bantin, String method, String path,
      Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + bantin.port() + path))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .header("Authorization", "Bearer " + TestServer.TOKEN)
        .timeout(QUICK);
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private long query(String sql) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private String text(String sql) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private void execute(String sql) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
