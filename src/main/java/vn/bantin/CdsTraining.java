package vn.bantin;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import vn.bantin.config.CategoryConfig;
import vn.bantin.config.ConfigLoader;
import vn.bantin.config.Settings;
import vn.bantin.publish.Format;

/**
 * The training run of the class-data-sharing archive that the build writes next to the jar
 * (pom.xml, phase {@code package}): {@code java -XX:DumpLoadedClassList=target/bantin.classlist
 * -cp target/bantin.jar vn.bantin.CdsTraining}, then {@code java -Xshare:dump} of that list into
 * {@code target/bantin.jsa}. It starts bantin the way {@link Main} does, on a temporary data
 * directory with the demo's sources served over loopback, polls them once, asks every kind of
 * page once, stops and exits, so the list names every class of start-up, polling and serving.
 * A JVM started with {@code -XX:SharedArchiveFile=target/bantin.jsa} maps those classes already
 * parsed, verified and linked instead of loading them from the jar, which saves about 40% of the
 * CPU time bantin needs before it serves (bench/README.md, "Start-up").
 *
 * <p>Never fails the build: whatever goes wrong is printed and the run still exits 0; the list
 * then names the classes loaded until then (a JVM given no usable archive starts as without
 * one).
 */
final class CdsTraining {
  private static final String TOKEN = "cds-training";
  private static final long TIMEOUT_SECONDS = 120;

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
      System.err.println("bantin CDS training stopped early (the archive is partial): " + e);
    } finally {
      delete(dir);
    }
    // Vert.x threads are not daemons; the archive is written as the JVM exits.
    System.exit(0);
  }

  private static void train(Path dir) throws Exception {
    Vertx upstreamVertx = Vertx.vertx();
    int upstreamPort = await(DemoUpstream.start(upstreamVertx)).actualPort();
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
        Duration.ofSeconds(2)));
    HttpClient client = upstreamVertx.createHttpClient();
    try {
      int port = bantin.port();
      String auth = "Bearer " + TOKEN;
      await(ask(client, port, HttpMethod.POST, "/admin/api/refresh", "Authorization", auth));
      List<String> paths = new ArrayList<>(List.of("/health", "/metrics", "/api/categories",
          "/feeds.opml", "/admin", "/admin/api/sources", "/admin/api/config"));
      for (CategoryConfig category : ConfigLoader.parseFeeds("feeds.yml", feedsYaml)
          .categories()) {
        for (Format format : Format.values()) {
          paths.add("/feeds/" + category.id() + "." + format.extension());
        }
      }
      for (String path : paths) {
        await(ask(client, port, HttpMethod.GET, path, "Authorization", auth));
        // Compressed, then conditional: the gzip and 304 paths of the same resource.
        MultiMap headers = await(ask(client, port, HttpMethod.GET, path,
            "Accept-Encoding", "gzip"));
        String etag = headers.get("ETag");
        if (etag != null) {
          await(ask(client, port, HttpMethod.GET, path, "If-None-Match", etag));
        }
      }
    } finally {
      await(client.close());
      await(bantin.stop());
      await(upstreamVertx.close());
    }
  }

  /** The response headers of one request with one extra header; the body is read and dropped. */
  private static Future<MultiMap> ask(HttpClient client, int port, HttpMethod method,
      String path, String header, String value) {
    RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1")
        .setPort(port).setURI(path).putHeader(header, value);
    return client.request(options)
        .compose(request -> request.send())
        .compose(response -> response.body().map(body -> response.headers()));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS,
        TimeUnit.SECONDS);
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
