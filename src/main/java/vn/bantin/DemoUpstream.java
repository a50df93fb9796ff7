package vn.bantin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The news sites of {@code --demo}: serves the sample feeds bundled under {@code demo/} on a
 * loopback port, with validators, so the demo exercises the real fetch path, conditional GET
 * included.
 */
final class DemoUpstream {
  private static final Map<String, String> TYPES = Map.of(
      "rss", "application/rss+xml",
      "atom", "application/atom+xml",
      "json", "application/feed+json");

  private DemoUpstream() {}

  /** Starts serving on 127.0.0.1 at a free port. */
  static Future<HttpServer> start(Vertx vertx) {
    return vertx.createHttpServer().requestHandler(request -> {
      String name = request.path().replaceFirst("^/demo/", "");
      byte[] body = name.matches("[a-z0-9-]+\\.(rss|atom|json)") ? resource(name) : null;
      if (body == null) {
        request.response().setStatusCode(404).end();
        return;
      }
      // Static files: a fixed validator makes every poll after the first a 304.
      String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
      if (etag.equals(request.getHeader("If-None-Match"))) {
        request.response().setStatusCode(304).putHeader("ETag", etag).end();
        return;
      }
      String ext = name.substring(name.lastIndexOf('.') + 1);
      request.response().putHeader("Content-Type", TYPES.get(ext)).putHeader("ETag", etag)
          .end(Buffer.buffer(body));
    }).listen(0, "127.0.0.1");
  }

  /** The bundled demo {@code feeds.yml}, its URLs pointing at {@code port}. */
  static String feedsYaml(int port) {
    byte[] yaml = resource("feeds.yml");
    if (yaml == null) {
      throw new IllegalStateException("demo/feeds.yml is missing from the jar");
    }
    return new String(yaml, java.nio.charset.StandardCharsets.UTF_8)
        .replace("{port}", Integer.toString(port));
  }

  private static byte[] resource(String name) {
    try (InputStream in = DemoUpstream.class.getResourceAsStream("/demo/" + name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
