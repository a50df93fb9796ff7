package vn.bantin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.Settings;

/**
 * A real bantin started with settings the test chooses (deadlines, caps, the address guard),
 * where {@link TestServer} always uses one set. Settings start from {@link TestServer#settings}
 * and replace one section.
 */
final class TunedServer implements AutoCloseable {
  static final String AUTH = "Bearer " + TestServer.TOKEN;

  private final Bantin bantin;
  private final HttpClient client = HttpClient.newHttpClient();

  private TunedServer(Bantin bantin) {
    this.bantin = bantin;
  }

  /** Starts bantin; Vert.x warns of any event-loop task longer than {@code maxEventLoopTime}. */
  static TunedServer start(Settings settings, FeedsConfig feeds, Duration maxEventLoopTime)
      throws Exception {
    Path dataDir = settings.store().dataDir();
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve("feeds.yml");
    Files.writeString(file, TestServer.yaml(feeds));
    return new TunedServer(Bantin.start(settings, file, InstantSource.system(), maxEventLoopTime)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
  }

  /** The test settings in {@code dataDir} with {@code fetch} limits. */
  static Settings withFetch(Path dataDir, Settings.Fetch fetch) {
    Settings s = TestServer.settings(dataDir, TestServer.TOKEN);
    return new Settings(s.http(), s.store(), s.admin(), fetch, s.poll(), s.parse(), s.serve());
  }

  /** {@code settings} with {@code parse} caps. */
  static Settings withParse(Settings s, Settings.Parse parse) {
    return new Settings(s.http(), s.store(), s.admin(), s.fetch(), s.poll(), parse, s.serve());
  }

  /** Fetch limits for tests: a 1 s connect timeout, 5 redirects, bantin-test as User-Agent. */
  static Settings.Fetch fetch(Duration deadline, long maxBodyBytes, long maxDecodedBytes,
      int concurrency, int perHostConcurrency, boolean allowPrivateNetworks) {
    return new Settings.Fetch(Duration.ofSeconds(1), deadline, maxBodyBytes, maxDecodedBytes, 5,
        concurrency, perHostConcurrency, allowPrivateNetworks, "bantin-test");
  }

  HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url(path)))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> getBytes(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url(path)))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** POST /admin/api/refresh with the test token: the summary once every poll is done. */
  JsonObject refresh() throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(
            url("/admin/api/refresh"))).header("Authorization", AUTH)
        .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new AssertionError("refresh answered " + r.statusCode() + ": " + r.body());
    }
    return new JsonObject(r.body());
  }

  /** GET /admin/api/sources with the test token. */
  JsonArray sources() throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(
            url("/admin/api/sources"))).header("Authorization", AUTH)
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    return new JsonArray(r.body());
  }

  /** The status object of source {@code id}. */
  JsonObject source(String id) throws Exception {
    return sources().stream().map(JsonObject.class::cast)
        .filter(o -> id.equals(o.getString("id"))).findFirst()
        .orElseThrow(() -> new AssertionError("no source " + id));
  }

  String url(String path) {
    return "http://127.0.0.1:" + bantin.port() + path;
  }

  @Override
  public void close() throws Exception {
    bantin.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
