package vn.bantin.fetch;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted stand-in for a news site: a Vert.x server on a loopback port answering each path
 * with the handler a test gave it, and counting requests and how many were open at once.
 */
final class Upstream {

  private final HttpServer server;
  private final Map<String, Handler<HttpServerRequest>> routes = new ConcurrentHashMap<>();
  private final List<HttpServerRequest> seen = new CopyOnWriteArrayList<>();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger maxOpen = new AtomicInteger();
  private final AtomicInteger closedEarly = new AtomicInteger();
  private volatile CompletableFuture<Void> firstClosedEarly = new CompletableFuture<>();

  Upstream(Vertx vertx) throws Exception {
    server = vertx.createHttpServer().requestHandler(this::handle)
        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
  }

  /** Answers {@code path} (without query) with {@code handler}. */
  Upstream on(String path, Handler<HttpServerRequest> handler) {
    routes.put(path, handler);
    return this;
  }

  int port() {
    return server.actualPort();
  }

  /** {@code http://127.0.0.1:port} + path. */
  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  List<HttpServerRequest> requests() {
    return seen;
  }

  int maxConcurrent() {
    return maxOpen.get();
  }

  /** Responses whose connection closed before they were complete (the client gave up). */
  int closedEarly() {
    return closedEarly.get();
  }

  /** Waits until a response is cut off by the client hanging up; fails after 2 s. */
  void awaitClosedEarly() throws Exception {
    firstClosedEarly.get(2, TimeUnit.SECONDS);
  }

  /** Forgets routes and counters between tests. */
  void reset() {
    routes.clear();
    seen.clear();
    open.set(0);
    maxOpen.set(0);
    closedEarly.set(0);
    firstClosedEarly = new CompletableFuture<>();
  }

  private void handle(HttpServerRequest request) {
    seen.add(request);
    maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
    // Vert.x calls the end handler when the response is disposed: sent, or cut off by the
    // connection closing first.
    request.response().endHandler(v -> {
      open.decrementAndGet();
      if (!request.response().ended()) {
        closedEarly.incrementAndGet();
        firstClosedEarly.complete(null);
      }
    });
    Handler<HttpServerRequest> route = routes.get(request.path());
    if (route == null) {
      request.response().setStatusCode(404).end("no route " + request.path());
    } else {
      route.handle(request);
    }
  }

  void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
