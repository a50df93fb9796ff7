package vn.bantin;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A news site on a loopback port for end-to-end tests: serves test resources under {@code e2e/}
 * with an ETag, answers 304 to a matching If-None-Match, and records every request it sees.
 */
final class FixtureUpstream implements AutoCloseable {
  /** What the upstream saw: the path and the conditional header sent. */
  record Seen(String path, String ifNoneMatch) {}

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Map<String, String> files = new ConcurrentHashMap<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  /** A scripted answer: a status and one header (e.g. Location), no body. */
  private record Answer(int status, String header, String value) {}

  FixtureUpstream() throws Exception {
    server = vertx.createHttpServer().requestHandler(request -> {
      seen.add(new Seen(request.path(), request.getHeader("If-None-Match")));
      Answer answer = answers.get(request.path());
      if (answer != null) {
        request.response().setStatusCode(answer.status())
            .putHeader(answer.header(), answer.value()).end();
        return;
      }
      String resource = files.get(request.path());
      byte[] body = resource == null ? null : read(resource);
      if (body == null) {
        request.response().setStatusCode(404).end();
        return;
      }
      String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
      if (etag.equals(request.getHeader("If-None-Match"))) {
        request.response().setStatusCode(304).putHeader("ETag", etag).end();
        return;
      }
      request.response().putHeader("ETag", etag)
          .putHeader("Content-Type", resource.endsWith(".json")
              ? "application/feed+json" : "application/xml")
          .end(Buffer.buffer(body));
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  /** Serves test resource {@code e2e/<resource>} at {@code path}; returns its absolute URL. */
  String serve(String path, String resource) {
    files.put(path, "e2e/" + resource);
    return url(path);
  }

  /** Answers {@code path} with {@code status} and one header from now on. */
  void answer(String path, int status, String header, String value) {
    answers.put(path, new Answer(status, header, value));
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  List<Seen> seen(String path) {
    return seen.stream().filter(s -> s.path().equals(path)).toList();
  }

  private static byte[] read(String resource) {
    try (InputStream in = FixtureUpstream.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws java.util.concurrent.ExecutionException,
      java.util.concurrent.TimeoutException {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
