package vn.bantin.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/**
 * The upstream of the poll-cycle benchmark: {@code GET /feed-F.xml} for F in 1..feeds on port
 * {@code port} of each loopback address {@code 127.0.0.1 .. 127.0.0.H}, feed F on address
 * {@code 127.0.0.(1 + (F - 1) % H)}. Several addresses because bantin limits fetches per host:
 * one host would cap a cycle at {@code per_host_concurrency} fetches in flight.
 *
 * <p>All feeds belong to one generation at a time, pre-rendered into memory by {@link
 * #generation(int)} (so serving costs no generating); a feed's ETag ({@code "g<G>-f<F>"}) and
 * Last-Modified change with the generation. {@code If-None-Match} naming the current ETag gets
 * 304 without a body, anything else 200 with the whole feed (gzip-encoded when {@code gzip} is on
 * and the request accepts gzip). It counts its answers.
 */
final class PollUpstream {
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
  private static final CharSequence CONTENT_TYPE =
      HttpHeaders.createOptimized("application/rss+xml; charset=utf-8");

  private final Vertx vertx;
  private final PollFeeds feeds;
  private final int count;
  private final int hosts;
  private final boolean gzip;
  private final List<HttpServer> servers = new ArrayList<>();
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong notModified = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();
  private volatile long lastAnswerNanos;
  /** When the first request since {@link #markCycle} came; 0 until one comes. */
  private final AtomicLong firstRequestNanos = new AtomicLong();
  private volatile Generation current;

  private record Generation(int number, Buffer[] bodies, Buffer[] gzipped, String[] etags,
      String lastModified) {}

  PollUpstream(Vertx vertx, PollFeeds feeds, int count, int hosts, boolean gzip) {
    this.vertx = vertx;
    this.feeds = feeds;
    this.count = count;
    this.hosts = hosts;
    this.gzip = gzip;
  }

  /** Listens on every address; completes once all listen. */
  Future<Void> listen(int port) {
    List<Future<HttpServer>> listening = new ArrayList<>();
    for (int h = 1; h <= hosts; h++) {
      HttpServer server = vertx.createHttpServer().requestHandler(this::handle)
          .connectionHandler(connection -> connections.incrementAndGet());
      servers.add(server);
      listening.add(server.listen(port, host(h)));
    }
    return Future.all(listening).mapEmpty();
  }

  /** The loopback address of host {@code h} (from 1). */
  static String host(int h) {
    return "127.0.0." + h;
  }

  /** The URL of feed {@code f} (from 1). */
  String url(int f, int port) {
    return "http://" + host(1 + (f - 1) % hosts) + ":" + port + "/feed-" + f + ".xml";
  }

  /** Renders every feed of generation {@code g} and serves it from now on; blocks. */
  void generation(int g) {
    Buffer[] bodies = new Buffer[count];
    Buffer[] gzipped = gzip ? new Buffer[count] : null;
    String[] etags = new String[count];
    IntStream.range(0, count).parallel().forEach(i -> {
      byte[] body = feeds.feed(g, i + 1);
      bodies[i] = Buffer.buffer(body);
      if (gzipped != null) {
        gzipped[i] = Buffer.buffer(gzip(body));
      }
      etags[i] = "\"g" + g + "-f" + (i + 1) + "\"";
    });
    String lastModified = HTTP_DATE.format(java.time.Instant.parse("2026-01-01T00:00:00Z")
        .plusSeconds(g).atOffset(ZoneOffset.UTC));
    current = new Generation(g, bodies, gzipped, etags, lastModified);
  }

  /** The ETag feed {@code f} has now. */
  String etag(int f) {
    return current.etags()[f - 1];
  }

  /** Total body bytes of the current generation, as served (gzip when on). */
  long generationBytes() {
    Generation now = current;
    Buffer[] served = now.gzipped() != null ? now.gzipped() : now.bodies();
    long total = 0;
    for (Buffer b : served) {
      total += b.length();
    }
    return total;
  }

  /** The raw (identity) body of feed {@code f} now. */
  Buffer body(int f) {
    return current.bodies()[f - 1];
  }

  /** {@link System#nanoTime} when the latest answer was sent. */
  /** Starts a cycle: {@link #firstRequestNanos} is the first request from now on. */
  void markCycle() {
    firstRequestNanos.set(0);
  }

  /** When the first request since {@link #markCycle} came ({@link System#nanoTime}), or 0. */
  long firstRequestNanos() {
    return firstRequestNanos.get();
  }

  long lastAnswerNanos() {
    return lastAnswerNanos;
  }

  /** Answers so far: {200s, 304s, body bytes, connections accepted}. */
  long[] counts() {
    return new long[] {ok.get(), notModified.get(), bytes.get(), connections.get()};
  }

  Future<Void> close() {
    return Future.all(servers.stream().map(HttpServer::close).toList()).mapEmpty();
  }

  private void handle(HttpServerRequest request) {
    firstRequestNanos.compareAndSet(0, System.nanoTime());
    Generation now = current;
    String path = request.path();
    int f = -1;
    if (path.startsWith("/feed-") && path.endsWith(".xml")) {
      try {
        f = Integer.parseInt(path, 6, path.length() - 4, 10);
      } catch (NumberFormatException e) {
        f = -1;
      }
    }
    if (now == null || f < 1 || f > count) {
      request.response().setStatusCode(404).end();
      return;
    }
    String etag = now.etags()[f - 1];
    var response = request.response()
        .putHeader(HttpHeaders.ETAG, etag)
        .putHeader(HttpHeaders.LAST_MODIFIED, now.lastModified());
    if (etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
      notModified.incrementAndGet();
      lastAnswerNanos = System.nanoTime();
      response.setStatusCode(304).end();
      return;
    }
    ok.incrementAndGet();
    String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
    Buffer body = now.bodies()[f - 1];
    if (now.gzipped() != null && accept != null && accept.contains("gzip")) {
      body = now.gzipped()[f - 1];
      response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
    }
    bytes.addAndGet(body.length());
    lastAnswerNanos = System.nanoTime();
    response.putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE).end(body);
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3);
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
