package vn.bantin;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A misbehaving news site on a loopback port for end-to-end tests: each path is scripted to do
 * one hostile or broken thing (drip, hang, lie about its length, never end, redirect in circles,
 * serve a bomb ...), and every request is counted per path, answered or not.
 */
final class HostileUpstream implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final Map<String, Handler<HttpServerRequest>> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

  HostileUpstream() throws Exception {
    server = vertx.createHttpServer().requestHandler(request -> {
      requests.computeIfAbsent(request.path(), p -> new AtomicInteger()).incrementAndGet();
      Handler<HttpServerRequest> route = routes.get(request.path());
      if (route == null) {
        request.response().setStatusCode(404).end();
      } else {
        route.handle(request);
      }
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  /** Answers {@code path} with {@code handler}; returns the path's absolute URL. */
  String on(String path, Handler<HttpServerRequest> handler) {
    routes.put(path, handler);
    return url(path);
  }

  /** A 200 answer with {@code body}. */
  String body(String path, String contentType, byte[] body) {
    return on(path, req -> req.response().putHeader("Content-Type", contentType)
        .end(Buffer.buffer(body)));
  }

  /**
   * A well-behaved feed: {@code body} with an ETag of its bytes, and 304 to a request whose
   * If-None-Match names it.
   */
  String conditional(String path, String contentType, byte[] body) {
    String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
    return on(path, req -> {
      if (etag.equals(req.getHeader("If-None-Match"))) {
        req.response().setStatusCode(304).putHeader("ETag", etag).end();
      } else {
        req.response().putHeader("ETag", etag).putHeader("Content-Type", contentType)
            .end(Buffer.buffer(body));
      }
    });
  }

  /** A 200 answer with the test resource {@code resource} (e.g. {@code parse/truncated.xml}). */
  String resource(String path, String contentType, String resource) {
    return body(path, contentType, read(resource));
  }

  /** A status with one header and no body. */
  String status(String path, int status, String header, String value) {
    return on(path, req -> req.response().setStatusCode(status).putHeader(header, value).end());
  }

  /** A 302 to {@code location}. */
  String redirect(String path, String location) {
    return status(path, 302, "Location", location);
  }

  /** Headers, then one byte every {@code everyMillis}, forever. */
  String drip(String path, long everyMillis) {
    return on(path, req -> {
      HttpServerResponse response = req.response().setChunked(true)
          .putHeader("Content-Type", "application/rss+xml");
      response.write("<");
      vertx.setPeriodic(everyMillis, id -> {
        if (response.closed()) {
          vertx.cancelTimer(id);
        } else {
          response.write("r");
        }
      });
    });
  }

  /** Accepts the request and never answers. */
  String silent(String path) {
    return on(path, req -> { });
  }

  /** Declares a body of {@code declared} bytes, sends five and stalls. */
  String hugeLength(String path, long declared) {
    return on(path, req -> req.response().putHeader("Content-Length", Long.toString(declared))
        .write("<rss>"));
  }

  /** A chunked body that never ends, as fast as the client reads. */
  String endless(String path) {
    Buffer chunk = Buffer.buffer(new byte[8192]);
    return on(path, req -> {
      HttpServerResponse response = req.response().setChunked(true);
      Runnable[] pump = new Runnable[1];
      // A few chunks per turn, then yield: the close of a client that hung up is an event on
      // this same event loop, and a loop that never yields would never see it.
      pump[0] = () -> {
        for (int i = 0; i < 16 && !response.closed() && !response.writeQueueFull(); i++) {
          response.write(chunk);
        }
        if (response.closed()) {
          return;
        }
        if (response.writeQueueFull()) {
          response.drainHandler(v -> pump[0].run());
        } else {
          vertx.runOnContext(v -> pump[0].run());
        }
      };
      pump[0].run();
    });
  }

  /** {@code decodedBytes} zero bytes gzipped (a thousandth of that on the wire). */
  String gzipBomb(String path, int decodedBytes) {
    byte[] bomb = gzip(new byte[decodedBytes]);
    return on(path, req -> req.response().putHeader("Content-Encoding", "gzip")
        .putHeader("Content-Type", "application/rss+xml").end(Buffer.buffer(bomb)));
  }

  /** {@code body} sent gzip-compressed, as bantin asks with Accept-Encoding: gzip. */
  String gzipped(String path, String contentType, byte[] body) {
    byte[] compressed = gzip(body);
    return on(path, req -> req.response().putHeader("Content-Encoding", "gzip")
        .putHeader("Content-Type", contentType).end(Buffer.buffer(compressed)));
  }

  /** A plain feed labelled with a Content-Encoding bantin never asks for. */
  String encoded(String path, String encoding, byte[] body) {
    return on(path, req -> req.response().putHeader("Content-Encoding", encoding)
        .end(Buffer.buffer(body)));
  }

  /** Requests {@code path} received, answered or not. */
  int requests(String path) {
    AtomicInteger n = requests.get(path);
    return n == null ? 0 : n.get();
  }

  /** Requests received for every path starting with {@code prefix}. */
  int requestsUnder(String prefix) {
    return requests.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
        .mapToInt(e -> e.getValue().get()).sum();
  }

  int port() {
    return server.actualPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  static byte[] read(String resource) {
    try (InputStream in = HostileUpstream.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
