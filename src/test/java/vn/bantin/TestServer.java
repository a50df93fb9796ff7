package vn.bantin;

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
import java.util.stream.Collectors;
import vn.bantin.config.CategoryConfig;
import vn.bantin.config.Durations;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.Settings;
import vn.bantin.config.SourceConfig;

/** Starts a real bantin for end-to-end tests and talks HTTP to it. */
final class TestServer implements AutoCloseable {
  static final String TOKEN = "test-admin-token";
  /** Tests fail loudly (Vert.x warns) when a handler blocks an event loop this long. */
  private static final Duration MAX_EVENT_LOOP_TIME = Duration.ofMillis(200);

  private final Bantin bantin;
  private final HttpClient client = HttpClient.newHttpClient();

  private TestServer(Bantin bantin) {
    this.bantin = bantin;
  }

  /** Starts bantin on {@code feeds}, written to {@code dataDir/feeds.yml}. */
  static TestServer start(Path dataDir, String token, FeedsConfig feeds) throws Exception {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve("feeds.yml");
    Files.writeString(file, yaml(feeds));
    return start(dataDir, token, file);
  }

  /** Starts bantin on the feeds.yml {@code feedsFile}. */
  static TestServer start(Path dataDir, String token, Path feedsFile) throws Exception {
    Bantin bantin = Bantin.start(settings(dataDir, token), feedsFile, InstantSource.system(),
            MAX_EVENT_LOOP_TIME)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return new TestServer(bantin);
  }

  /** {@code feeds} as feeds.yml text. */
  static String yaml(FeedsConfig feeds) {
    StringBuilder y = new StringBuilder("version: 1\ndefaults:\n  interval: ")
        .append(Durations.format(feeds.defaultInterval())).append("\nsources:\n");
    for (SourceConfig s : feeds.sources()) {
      y.append("  - id: ").append(s.id()).append("\n    title: ").append(quote(s.title()))
          .append("\n    url: ").append(quote(s.url()))
          .append("\n    tags: ").append(list(s.tags()))
          .append("\n    interval: ").append(Durations.format(s.interval()))
          .append("\n    enabled: ").append(s.enabled()).append('\n');
    }
    y.append(feeds.categories().isEmpty() ? "categories: []\n" : "categories:\n");
    for (CategoryConfig c : feeds.categories()) {
      y.append("  - id: ").append(c.id()).append("\n    title: ").append(quote(c.title()));
      if (!c.description().isEmpty()) {
        y.append("\n    description: ").append(quote(c.description()));
      }
      y.append("\n    sources: ").append(list(c.sources()))
          .append("\n    tags: ").append(list(c.tags()))
          .append("\n    include: ").append(list(c.include()))
          .append("\n    exclude: ").append(list(c.exclude()));
      if (c.maxAge() != null) {
        y.append("\n    max_age: ").append(Durations.format(c.maxAge()));
      }
      y.append("\n    limit: ").append(c.limit()).append('\n');
    }
    return y.toString();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String list(List<String> items) {
    return items.stream().map(TestServer::quote).collect(Collectors.joining(", ", "[", "]"));
  }

  static Settings settings(Path dataDir, String token) {
    return new Settings(
        new Settings.Http("127.0.0.1", 0, ""),
        new Settings.Store(dataDir, "", Duration.ofDays(90), 2),
        new Settings.Admin(token),
        new Settings.Fetch(Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20, 4 << 20, 5, 8,
            2, true, "bantin-test"),
        new Settings.Poll(Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofHours(6), 0.1),
        new Settings.Parse(2, 64, 200, 500, 5000, 100_000),
        new Settings.Serve(2, 100, Duration.ofSeconds(60), Duration.ofSeconds(300)));
  }

  static SourceConfig source(String id, String url, String... tags) {
    return new SourceConfig(id, "Nguồn " + id, url, List.of(tags), Duration.ofHours(1), true);
  }

  static CategoryConfig category(String id, List<String> sources, List<String> tags) {
    return new CategoryConfig(id, "Chuyên mục " + id, "", sources, tags, List.of(), List.of(),
        null, 50);
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
  }

  HttpResponse<byte[]> getBytes(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> head(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).method("HEAD",
        HttpRequest.BodyPublishers.noBody()));
  }

  HttpResponse<String> post(String path, String... headers) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()),
        headers);
  }

  /** Any method with a UTF-8 {@code body} ({@code null}: none). */
  HttpResponse<String> request(String method, String path, String body, String... headers)
      throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).method(method, body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)),
        headers);
  }

  /** Any method with a raw {@code body}. */
  HttpResponse<String> request(String method, String path, byte[] body, String... headers)
      throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).method(method,
        HttpRequest.BodyPublishers.ofByteArray(body)), headers);
  }

  /** POST /admin/api/refresh with the test token; asserts nothing. */
  HttpResponse<String> refresh() throws Exception {
    return post("/admin/api/refresh", "Authorization", "Bearer " + TOKEN);
  }

  private HttpResponse<String> send(HttpRequest.Builder b, String... headers) throws Exception {
    if (headers.length > 0) {
      b.headers(headers);
    }
    return client.send(b.timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create(url(path));
  }

  String url(String path) {
    return "http://127.0.0.1:" + bantin.port() + path;
  }

  @Override
  public void close() throws java.util.concurrent.ExecutionException,
      java.util.concurrent.TimeoutException {
    try {
      bantin.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
