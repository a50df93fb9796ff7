package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.Settings;
import vn.bantin.store.pg.EmbeddedDatabases;

/**
 * {@code store.url} selects the PostgreSQL store: stories a server stored there are served by
 * the next server on that database, whatever its data directory.
 */
class SharedStoreIT {
  private static final EmbeddedDatabases DATABASES = EmbeddedDatabases.shared();
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

  private static Bantin start(Path dataDir, String storeUrl, Path feedsFile) throws Exception {
    Settings defaults = TestServer.settings(dataDir, TestServer.TOKEN);
    Settings.Store store = defaults.store();
    Settings settings = new Settings(defaults.http(),
        new Settings.Store(store.dataDir(), storeUrl, store.retention(), store.readPoolSize()),
        defaults.admin(), defaults.fetch(), defaults.poll(), defaults.parse(), defaults.serve());
    return Bantin.start(settings, feedsFile, InstantSource.system(), Duration.ofMillis(200))
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

  private static List<Object> ids(JsonObject feed) {
    return feed.getJsonArray("items").stream().map(i -> ((JsonObject) i).getValue("id")).toList();
  }
}
