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
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.Settings;
import vn.bantin.config.SourceConfig;
import vn.bantin.store.pg.EmbeddedDatabases;

/**
 * {@code store.url} selects the PostgreSQL store: stories a server stored there are served by
 * the next server on that database, whatever its data directory, and by every other server on
 * it within moments, in the same bytes.
 */
class SharedStoreIT {
  private static final EmbeddedDatabases DATABASES = EmbeddedDatabases.shared();
  /** How soon one instance serves what another stored: a notice, then one re-render. */
  private static final Duration HEARD_WITHIN = Duration.ofSeconds(2);
  private final HttpClient client = HttpClient.newHttpClient();
  @TempDir Path tmp;

  @Test
  void storiesLiveInTheDatabaseNotInTheDataDirectory() throws Exception {
    String url = DATABASES.newDatabase();
    try (FixtureUpstream upstream = new FixtureUpstream()) {
      FeedsConfig feeds = new FeedsConfig(Duration.ofHours(1), List.of(
          TestServer.source("vov", upstream.serve("/vov.rss", "rss20_two_items.xml")),
          TestServer.source("dcs", upstream.serve("/dcs.json", "jsonfeed11_one_item.json"))),
          List.of());
      Path feedsFile = Files.writeString(tmp.resolve("feeds.yml"), TestServer.yaml(feeds));

      Bantin first = start(tmp.resolve("first"), url, feedsFile);
      JsonObject before;
      try {
        assertThat(send(first, "POST", "/admin/api/refresh").statusCode()).isEqualTo(200);
        before = new JsonObject(send(first, "GET", "/feeds/all.json").body());
      } finally {
        first.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
      assertThat(before.getJsonArray("items")).hasSize(3);
      assertThat(tmp.resolve("first").resolve("bantin.db")).doesNotExist();

      Bantin second = start(tmp.resolve("second"), url, feedsFile);
      try {
        JsonObject after = new JsonObject(send(second, "GET", "/feeds/all.json").body());
        assertThat(ids(after)).isEqualTo(ids(before));
      } finally {
        second.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * Two servers behind one public URL: what one polls, the other serves within {@link
   * #HEARD_WITHIN} without polling, and for the same stories both answer the same bytes, ETag
   * and Last-Modified in every format, though their clocks disagree by a minute and a half.
   */
  @Test
  void whatOneInstancePollsEveryInstanceServesAtOnceInTheSameBytes() throws Exception {
    String url = DATABASES.newDatabase();
    try (FixtureUpstream upstream = new FixtureUpstream()) {
      SourceConfig dcs = TestServer.source("dcs",
          upstream.serve("/dcs.json", "jsonfeed11_one_item.json"));
      SourceConfig resting = new SourceConfig("vov", "Nguồn vov", upstream.url("/vov.rss"),
          List.of(), Duration.ofHours(1), false);
      FeedsConfig feeds = new FeedsConfig(Duration.ofHours(1), List.of(dcs, resting), List.of(
          TestServer.category("xay-dung-dang", List.of("dcs"), List.of()),
          TestServer.category("trong", List.of("vov"), List.of())));
      Path feedsFile = Files.writeString(tmp.resolve("feeds.yml"), TestServer.yaml(feeds));

      Bantin a = start(tmp.resolve("a"), url, feedsFile, InstantSource.system());
      Bantin b = null;
      try {
        assertThat(send(a, "POST", "/admin/api/refresh").statusCode()).isEqualTo(200);
        // B starts after A's poll, so finds the source polled and not due for an hour.
        b = start(tmp.resolve("b"), url, feedsFile,
            InstantSource.offset(InstantSource.system(), Duration.ofSeconds(90)));
        assertThat(items(b, "xay-dung-dang")).hasSize(1);
        assertThat(items(a, "xay-dung-dang")).hasSize(1);
        int fetches = upstream.seen("/dcs.json").size();

        upstream.serve("/dcs.json", "jsonfeed11_other_item.json");
        assertThat(send(a, "POST", "/admin/api/refresh").statusCode()).isEqualTo(200);
        long deadline = System.nanoTime() + HEARD_WITHIN.toNanos();
        while (items(b, "xay-dung-dang").size() < 2) {
          assertThat(System.nanoTime()).as("B serves A's new story within %s", HEARD_WITHIN)
              .isLessThan(deadline);
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }

        assertThat(upstream.seen("/dcs.json")).as("only A polled").hasSize(fetches + 1);
        // Either instance's admin API shows A's latest poll, which B did not make.
        JsonObject polledByA = source(a, "dcs");
        assertThat(polledByA.getString("lastFetch")).isNotNull();
        assertThat(source(b, "dcs")).isEqualTo(polledByA);
        for (String category : List.of("xay-dung-dang", "all", "trong")) {
          for (String format : List.of("rss", "atom", "json", "html")) {
            String path = "/feeds/" + category + "." + format;
            HttpResponse<byte[]> fromA = get(a, path);
            HttpResponse<byte[]> fromB = get(b, path);
            assertThat(fromB.statusCode()).as(path).isEqualTo(200);
            // Compared as text for a readable failure; equal UTF-8 text is equal bytes.
            assertThat(new String(fromB.body(), StandardCharsets.UTF_8)).as(path)
                .isEqualTo(new String(fromA.body(), StandardCharsets.UTF_8));
            for (String header : List.of("ETag", "Last-Modified")) {
              assertThat(fromB.headers().firstValue(header)).as(path + " " + header)
                  .isPresent().isEqualTo(fromA.headers().firstValue(header));
            }
          }
        }
      } finally {
        a.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (b != null) {
          b.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
      }
    }
  }

  private static Bantin start(Path dataDir, String storeUrl, Path feedsFile) throws Exception {
    return start(dataDir, storeUrl, feedsFile, InstantSource.system());
  }

  private static Bantin start(Path dataDir, String storeUrl, Path feedsFile, InstantSource clock)
      throws Exception {
    Settings defaults = TestServer.settings(dataDir, TestServer.TOKEN);
    Settings.Store store = defaults.store();
    // Instances behind one load balancer share its public URL, which their self links carry.
    Settings settings = new Settings(
        new Settings.Http(defaults.http().host(), 0, "https://bantin.example.vn"),
        new Settings.Store(store.dataDir(), storeUrl, store.retention(), store.readPoolSize()),
        defaults.admin(), defaults.fetch(), defaults.poll(), defaults.parse(), defaults.serve());
    return Bantin.start(settings, feedsFile, clock, Duration.ofMillis(200))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private HttpResponse<String> send(Bantin bantin, String method, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + bantin.port() + path))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .header("Authorization", "Bearer " + TestServer.TOKEN)
        .timeout(Duration.ofSeconds(20)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> get(Bantin bantin, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + bantin.port() + path)).timeout(Duration.ofSeconds(20))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private JsonObject source(Bantin bantin, String id) throws Exception {
    return new JsonArray(send(bantin, "GET", "/admin/api/sources").body()).stream()
        .map(JsonObject.class::cast).filter(s -> s.getString("id").equals(id))
        .findFirst().orElseThrow();
  }

  private List<Object> items(Bantin bantin, String category) throws Exception {
    return ids(new JsonObject(send(bantin, "GET", "/feeds/" + category + ".json").body()));
  }

  private static List<Object> ids(JsonObject feed) {
    return feed.getJsonArray("items").stream().map(i -> ((JsonObject) i).getValue("id")).toList();
  }
}
