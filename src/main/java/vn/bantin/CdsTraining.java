package vn.bantin;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import vn.bantin.config.CategoryConfig;
import vn.bantin.config.ConfigLoader;
import vn.bantin.config.Settings;
import vn.bantin.publish.Format;

/**
 * The training run of the class-data-sharing archive that {@link CdsArchive} writes next to the
 * jar. It starts bantin the way {@link Main} does, on a temporary data directory with the demo's
 * sources served over loopback, waits for its first poll of them, asks every kind of page once,
 * stops and exits, so the class list its JVM dumps names every class of start-up, polling and
 * serving.
 *
 * <p>Never fails the build: whatever goes wrong is printed and the run still exits 0; the list
 * then names the classes loaded until then (a JVM given no usable archive starts as without
 * one).
 */
final class CdsTraining {
  private static final String TOKEN = "cds-training";
  private static final String AUTH = "Bearer " + TOKEN;
  private static final long TIMEOUT_SECONDS = 30;

  private CdsTraining() {}

  public static void main(String[] args) {
    // The build's output stays quiet (a metrics warning about the training's own client);
    // a failure of the training itself is printed below.
    Logger.getLogger("").setLevel(Level.SEVERE);
    Path dir = null;
    try {
      dir = Files.createTempDirectory("bantin-cds-");
      train(dir);
    } catch (Exception | LinkageError e) {
      System.err.println("bantin CDS training stopped early (the class list is partial): " + e);
    } finally {
      delete(dir);
    }
    // Vert.x threads are not daemons.
    System.exit(0);
  }

  private static void train(Path dir) throws Exception {
    Vertx upstreamVertx = Vertx.vertx();
    int upstreamPort = await(DemoUpstream.start(upstreamVertx), "the demo upstream")
        .actualPort();
    String feedsYaml = DemoUpstream.feedsYaml(upstreamPort);
    Path feeds = dir.resolve("feeds.yml");
    Files.writeString(feeds, feedsYaml);
    // Through the YAML reader, as Main reads conf/bantin.yml.
    Settings settings = ConfigLoader.parseSettings("training.yml", String.join("\n",
        "http:", "  host: 127.0.0.1", "  port: 0",
        "store:", "  data_dir: '" + dir.resolve("data") + "'",
        "admin:", "  token: " + TOKEN,
        "fetch:", "  allow_private_networks: true", ""), Map.of());
    Bantin bantin = await(Bantin.start(settings, feeds, InstantSource.system(),
        Duration.ofSeconds(2)), "start");
    HttpClient client = upstreamVertx.createHttpClient();
    try {
      int port = bantin.port();
      awaitFirstPolls(client, port);
      List<String> paths = new ArrayList<>(List.of("/health", "/metrics", "/api/categories",
          "/feeds.opml", "/admin", "/admin/api/sources", "/admin/api/config"));
      for (CategoryConfig category : ConfigLoader.parseFeeds("feeds.yml", feedsYaml)
          .categories()) {
        for (Format format : Format.values()) {
          paths.add("/feeds/" + category.id() + "." + format.extension());
        }
      }
      for (String path : paths) {
        await(ask(client, port, path, "Authorization", AUTH), path);
        // Compressed, then conditional: the gzip and 304 paths of the same resource.
        Response gzip = await(ask(client, port, path, "Accept-Encoding", "gzip"), path);
        String etag = gzip.headers().get("ETag");
        if (etag != null) {
          await(ask(client, port, path, "If-None-Match", etag), path);
        }
      }
    } finally {
      // Bounded like every step: the class list is complete by now whatever happens here.
      await(client.close(), "closing the client");
      await(bantin.stop(), "stop");
      await(upstreamVertx.close(), "closing the upstream");
    }
  }

  /** Waits until the scheduler has polled every demo source once (the parse path's classes). */
  private static void awaitFirstPolls(HttpClient client, int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      JsonArray sources = new JsonArray(await(ask(client, port, "/admin/api/sources",
          "Authorization", AUTH), "/admin/api/sources").body());
      if (!sources.isEmpty() && sources.stream()
          .allMatch(s -> ((JsonObject) s).getString("lastFetch") != null)) {
        return;
      }
      Thread.sleep(100); // a build step, not a test: polling the admin API is the simplest wait
    }
    throw new TimeoutException("the demo sources were not all polled");
  }

  /** One response: its headers and its body. */
  private record Response(MultiMap headers, Buffer body) {}

  /**
   * One GET with one extra header. Called from the main thread, not an event loop, so the
   * response is read inside the request's own callback: there the body handler is set on the
   * event loop before the response can end. Chained after it instead
   * ({@code request(..).compose(send).compose(body)}), the last step is attached by this thread,
   * and when the response has arrived by then Vert.x runs it later on the event loop; a
   * {@code body()} asked after the response ended never completes (vertx-core 5.0.7
   * HttpClientResponseImpl; eclipse-vertx/vert.x#3517, #6038).
   */
  private static Future<Response> ask(HttpClient client, int port, String path,
      String header, String value) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
        .setHost("127.0.0.1").setPort(port).setURI(path).putHeader(header, value);
    return client.request(options)
        .compose(request -> request.send()
            .compose(response -> response.body()
                .map(body -> new Response(response.headers(), body))));
  }

  /** The result of {@code step}, waited for at most TIMEOUT_SECONDS. */
  private static <T> T await(Future<T> future, String step) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS,
          TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new TimeoutException(step + " took more than " + TIMEOUT_SECONDS + " s");
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("bantin CDS training left " + dir + ": " + e);
    }
  }
}
