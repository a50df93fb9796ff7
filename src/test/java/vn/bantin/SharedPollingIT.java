package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.Eventually.eventually;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
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
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.Settings;
import vn.bantin.config.SourceConfig;
import vn.bantin.store.pg.EmbeddedDatabases;

/**
 * Two bantin instances on one PostgreSQL database and one upstream: each due source is fetched by
 * one of them, once per interval; they store each story once and serve the same bytes; and when
 * one dies holding leases, the other polls its sources once the leases run out. An interval is
 * at least a minute, so "the interval has passed" is written into the database (next_poll = 0).
 */
class SharedPollingIT {
  private static final EmbeddedDatabases DATABASES = EmbeddedDatabases.shared();
  private static final Duration LEASE = Duration.ofSeconds(4);
  private static final int SOURCES = 6;
  private static final String SHARED_LINK = "https://tin.example.vn/hoi-nghi-tinh-uy.html";
  private static final String[] HEADLINES = {
      "Lai Châu khởi công cầu treo bản Nậm Cuổi",
      "Giá lúa vụ mùa tăng mạnh ở đồng bằng sông Cửu Long",
      "Đội tuyển bóng đá nữ giành huy chương vàng khu vực",
      "Hà Nội mở thêm ba tuyến xe buýt điện nội đô",
      "Ngân hàng Nhà nước điều chỉnh lãi suất điều hành",
      "Học sinh miền núi nhận học bổng khuyến học đầu năm"};

  /** A request the upstream saw: which feed, which instance (User-Agent), when. */
  private record Seen(String path, String agent, long millis) {}

  @TempDir Path tmp;
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  /** Requests of this User-Agent are never answered: its polls hang until it dies. */
  private volatile String parked = "";
  /** How long the upstream takes to answer, so that polls overlap. */
  private volatile long answerMillis;
  private final List<Bantin> running = new ArrayList<>();
  private HostileUpstream upstream;
  private String url;
  private Path feedsFile;

  @BeforeEach
  void upstreamAndDatabase() throws Exception {
    url = DATABASES.newDatabase();
    upstream = new HostileUpstream();
    Instant published = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
    List<SourceConfig> sources = new ArrayList<>();
    for (int i = 0; i < SOURCES; i++) {
      byte[] feed = feed(i, published);
      String etag = "\"nguon-" + i + "\"";
      String path = "/nguon-" + i + ".rss";
      sources.add(TestServer.source("nguon-" + i, upstream.on(path, r -> answer(r, feed, etag))));
    }
    feedsFile = Files.writeString(tmp.resolve("feeds.yml"),
        TestServer.yaml(new FeedsConfig(Duration.ofHours(1), sources, List.of())));
  }

  @AfterEach
  void stopAll() throws Exception {
    for (Bantin bantin : running) {
      bantin.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    upstream.close();
  }

  @Test
  void eachSourceIsFetchedOncePerIntervalAndBothServeTheSameFeed() throws Exception {
    // Two sources leased at a time each, answered slowly, so both instances take part.
    answerMillis = 1500;
    Bantin first = start("bantin-a", 2);
    Bantin second = start("bantin-b", 2);

    for (int round = 1; round <= 3; round++) {
      int expected = round;
      eventually(Duration.ofSeconds(30), () -> allFetched(expected) && settled());
      for (int i = 0; i < SOURCES; i++) {
        assertThat(fetches("/nguon-" + i + ".rss", null)).as("round %d, source %d", round, i)
            .isEqualTo(round);
      }
      execute("UPDATE sources SET next_poll = 0"); // the interval has passed
    }
    eventually(Duration.ofSeconds(30), () -> allFetched(4) && settled());
    assertThat(seen).extracting(Seen::agent).contains("bantin-a", "bantin-b");

    for (Bantin bantin : List.of(first, second)) {
      JsonObject summary = new JsonObject(send(bantin, "POST", "/admin/api/refresh").body());
      assertThat(summary.getInteger("sources")).isEqualTo(SOURCES);
      assertThat(summary.getInteger("notModified")).isEqualTo(SOURCES);
    }
    HttpResponse<String> a = send(first, "GET", "/feeds/all.json");
    HttpResponse<String> b = send(second, "GET", "/feeds/all.json");
    JsonArray items = new JsonObject(a.body()).getJsonArray("items");
    assertThat(items).hasSize(SOURCES + 1);
    assertThat(new HashSet<>(items.stream().map(i -> ((JsonObject) i).getString("id")).toList()))
        .hasSize(SOURCES + 1);
    assertThat(b.body()).isEqualTo(a.body());
    assertThat(b.headers().firstValue("ETag")).isEqualTo(a.headers().firstValue("ETag"));
  }

  @Test
  void sourcesDueTogetherAreNotHeldBackByTheLeaseLimit() throws Exception {
    // Two leases at a time and six sources due: each finished poll takes the next source at once
    // instead of waiting for the next one-second look.
    answerMillis = 200;
    start("bantin-a", 2);
    eventually(Duration.ofSeconds(30), () -> allFetched(1) && settled());
    long first = seen.stream().mapToLong(Seen::millis).min().orElseThrow();
    long last = seen.stream().mapToLong(Seen::millis).max().orElseThrow();
    assertThat(last - first).as("ms from the first fetch to the last; three looks a second apart"
        + " would take 2,000").isLessThan(1500);
  }

  @Test
  void aDeadInstancesSourcesAreTakenOverWhenItsLeasesRunOut() throws Exception {
    parked = "bantin-a";
    Bantin dying = start("bantin-a", SOURCES);
    eventually(Duration.ofSeconds(30), () -> fetches(null, "bantin-a") == SOURCES);
    Bantin survivor = start("bantin-b", SOURCES);

    // An admin's refresh skips the sources another instance is polling right now.
    JsonObject summary = new JsonObject(send(survivor, "POST", "/admin/api/refresh").body());
    assertThat(summary.getInteger("sources")).isZero();
    // While it lives, the first instance renews the leases of its hanging polls.
    long watchUntil = System.nanoTime() + LEASE.multipliedBy(3).dividedBy(2).toNanos();
    while (System.nanoTime() < watchUntil) {
      assertThat(fetches(null, "bantin-b")).isZero();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    long halted = System.currentTimeMillis();
    dying.halt().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    running.remove(dying);
    long expiry = leaseExpiry();
    assertThat(expiry).isGreaterThan(halted);

    eventually(LEASE.plusSeconds(10), () -> fetches(null, "bantin-b") == SOURCES);
    for (Seen s : seen) {
      if (s.agent().equals("bantin-b")) {
        assertThat(s.millis()).as("%s taken over", s.path()).isGreaterThanOrEqualTo(expiry - 50);
        assertThat(s.millis() - halted).isLessThan(LEASE.plusSeconds(4).toMillis());
      }
    }
    eventually(Duration.ofSeconds(10), () -> new JsonObject(
        send(survivor, "GET", "/feeds/all.json").body()).getJsonArray("items").size()
        == SOURCES + 1);
  }

  private Bantin start(String agent, int concurrency) throws Exception {
    Settings defaults = TestServer.settings(tmp.resolve(agent), TestServer.TOKEN);
    Settings.Store store = defaults.store();
    Settings settings = new Settings(
        new Settings.Http("127.0.0.1", 0, "https://tin.example.vn"),
        new Settings.Store(store.dataDir(), url, store.retention(), store.readPoolSize()),
        defaults.admin(),
        // A deadline longer than the test: a parked poll ends only when its instance dies.
        new Settings.Fetch(Duration.ofSeconds(1), Duration.ofSeconds(60), 1 << 20, 4 << 20, 5,
            concurrency, concurrency, true, agent),
        defaults.poll(), defaults.parse(), defaults.serve());
    Bantin bantin = Bantin.start(settings, feedsFile, InstantSource.system(),
            Duration.ofMillis(200), LEASE)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    running.add(bantin);
    return bantin;
  }

  private void answer(HttpServerRequest request, byte[] feed, String etag) {
    String agent = request.getHeader("User-Agent");
    seen.add(new Seen(request.path(), agent, System.currentTimeMillis()));
    if (agent.equals(parked)) {
      return;
    }
    Runnable respond = () -> {
      if (etag.equals(request.getHeader("If-None-Match"))) {
        request.response().setStatusCode(304).putHeader("ETag", etag).end();
      } else {
        request.response().putHeader("ETag", etag).putHeader("Content-Type",
            "application/rss+xml").end(Buffer.buffer(feed));
      }
    };
    if (answerMillis > 0) {
      Vertx.currentContext().owner().setTimer(answerMillis, id -> respond.run());
    } else {
      respond.run();
    }
  }

  /** Source {@code i}'s feed: a story of its own and one that every source carries. */
  private static byte[] feed(int i, Instant published) {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(published.atOffset(ZoneOffset.UTC));
    String own = "https://tin.example.vn/nguon-" + i + "/tin-rieng.html";
    return ("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Nguồn %1$d</title>
        <link>https://tin.example.vn/nguon-%1$d</link><description>Tin nguồn %1$d</description>
        <item><title>%2$s</title><link>%3$s</link><guid>%3$s</guid>
        <description>%2$s, theo phóng viên thường trú số %1$d.</description>
        <pubDate>%4$s</pubDate></item>
        <item><title>Hội nghị Tỉnh ủy lần thứ %1$d bàn nhiệm vụ năm tới</title>
        <link>%5$s</link><guid>chung-%1$d</guid><pubDate>%4$s</pubDate></item>
        </channel></rss>
        """).formatted(i, HEADLINES[i], own, date, SHARED_LINK).getBytes(StandardCharsets.UTF_8);
  }

  /** Requests seen for {@code path} (any: null) from {@code agent} (any: null). */
  private long fetches(String path, String agent) {
    return seen.stream()
        .filter(s -> path == null || s.path().equals(path))
        .filter(s -> agent == null || s.agent().equals(agent))
        .count();
  }

  private boolean allFetched(int times) {
    for (int i = 0; i < SOURCES; i++) {
      if (fetches("/nguon-" + i + ".rss", null) < times) {
        return false;
      }
    }
    return true;
  }

  /**
   * No source is leased or due: every poll begun has been counted and released, and none can
   * begin, so the counts cannot change until the test makes sources due again.
   */
  private boolean settled() throws Exception {
    return query("SELECT COUNT(*) FROM sources WHERE lease_holder IS NOT NULL"
        + " OR next_poll IS NULL OR next_poll <= (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT")
        == 0;
  }

  /** When the last live lease runs out, by the database's clock (epoch milliseconds). */
  private long leaseExpiry() throws Exception {
    assertThat(query("SELECT COUNT(*) FROM sources WHERE lease_holder IS NOT NULL"))
        .isEqualTo(SOURCES);
    return query("SELECT MAX(lease_until) FROM sources");
  }

  private long query(String sql) throws Exception {
    try (Connection c = DATABASES.jdbc(url); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private void execute(String sql) throws Exception {
    try (Connection c = DATABASES.jdbc(url); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private HttpResponse<String> send(Bantin bantin, String method, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + bantin.port() + path))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .header("Authorization", "Bearer " + TestServer.TOKEN)
        .timeout(Duration.ofSeconds(30)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
