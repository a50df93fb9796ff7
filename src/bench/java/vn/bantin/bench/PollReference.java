package vn.bantin.bench;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import vn.bantin.parse.FeedParser;

/**
 * The reference of the poll-cycle benchmark: the least a Vert.x client does to fetch the same
 * URLs under the same limits as bantin's Fetcher. The core {@link HttpClient} with the Fetcher's
 * options (keep-alive, no decompression, {@code http1MaxSize} = concurrency), on one event-loop
 * context as the Fetcher uses one; the same request headers; per host, {@code perHost} lanes
 * each fetching that host's URLs one after another, so at most {@code perHost} fetches per host
 * and {@code perHost × hosts} in all are in flight (bantin's limiter admits the same). Bodies are
 * dropped chunk by chunk, or, with {@code parse}, collected and parsed with {@link FeedParser}
 * on a worker pool of bantin's parse pool size (gunzipped first when gzip-encoded).
 *
 * <p>It has a Vert.x instance of its own: on the upstream's, its event loop would be one of the
 * upstream's and some of its requests would be answered without a thread switch, an advantage
 * bantin, in its own process, cannot have.
 */
final class PollReference {
  private static final String ACCEPT = "application/rss+xml, application/atom+xml,"
      + " application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";
  private static final String USER_AGENT = "bantin/0.1 (+https://github.com/bantin/bantin)";

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Vertx vertx;
  private final Context context;
  private final HttpClient client;
  private final WorkerExecutor parsePool;
  private final FeedParser parser = new FeedParser(64);
  private final int perHost;

  /**
   * One cycle's result; {@code cpuNanos} is the CPU time of the reference's event-loop thread
   * during it (its whole fetching; parsing runs on the pool).
   */
  record Cycle(long nanos, int ok, int notModified, int failed, long bytes, int entries,
      long cpuNanos) {}

  /**
   * @param metrics whether its Vert.x records Micrometer metrics as bantin's does (HTTP client
   *     meters for every request), or none
   */
  PollReference(int concurrency, int perHost, int parseThreads, boolean metrics) {
    this.vertx = metrics
        ? Vertx.builder()
            .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
                .setEnabled(true).setJvmMetricsEnabled(true)))
            .withMetrics(new MicrometerMetricsFactory(
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)))
            .build()
        : Vertx.vertx();
    this.context = vertx.getOrCreateContext();
    this.perHost = perHost;
    this.client = vertx.createHttpClient(new HttpClientOptions()
            .setConnectTimeout(10_000)
            .setDecompressionSupported(false)
            .setKeepAlive(true)
            .setKeepAliveTimeout(30)
            .setVerifyHost(true)
            .setMaxHeaderSize(32 * 1024),
        new PoolOptions().setHttp1MaxSize(Math.max(1, concurrency)));
    this.parsePool = vertx.createSharedWorkerExecutor("reference-parse", parseThreads);
  }

  /**
   * Fetches every URL once, sending {@code etags.apply(i)} (may be null) as If-None-Match for
   * URL i; with {@code parse}, also parses every 200 body on the pool. Completes when all are
   * done.
   */
  Future<Cycle> cycle(List<String> urls, Function<Integer, String> etags, boolean parse) {
    Promise<Cycle> done = Promise.promise();
    context.runOnContext(v -> {
      long started = System.nanoTime();
      long cpuStarted = THREADS.getCurrentThreadCpuTime();
      Map<String, List<Integer>> byHost = new LinkedHashMap<>();
      for (int i = 0; i < urls.size(); i++) {
        byHost.computeIfAbsent(URI.create(urls.get(i)).getAuthority(), h -> new ArrayList<>())
            .add(i);
      }
      AtomicInteger ok = new AtomicInteger();
      AtomicInteger notModified = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      AtomicInteger entries = new AtomicInteger();
      AtomicLong bytes = new AtomicLong();
      List<Future<Void>> lanes = new ArrayList<>();
      for (List<Integer> mine : byHost.values()) {
        int[] next = {0};
        for (int l = 0; l < perHost; l++) {
          Promise<Void> lane = Promise.promise();
          lanes.add(lane.future());
          new Lane(urls, mine, next, etags, parse, ok, notModified, failed, entries, bytes, lane)
              .go();
        }
      }
      // Every lane completes on this context, so the last one's thread is the one measured.
      Future.all(lanes).onComplete(all -> done.complete(new Cycle(System.nanoTime() - started,
          ok.get(), notModified.get(), failed.get(), bytes.get(), entries.get(),
          THREADS.getCurrentThreadCpuTime() - cpuStarted)));
    });
    return done.future();
  }

  /** One lane: fetches its host's next URL when the previous fetch (and parse) is done. */
  private final class Lane {
    private final List<String> urls;
    private final List<Integer> mine;
    private final int[] next;
    private final Function<Integer, String> etags;
    private final boolean parse;
    private final AtomicInteger ok;
    private final AtomicInteger notModified;
    private final AtomicInteger failed;
    private final AtomicInteger entries;
    private final AtomicLong bytes;
    private final Promise<Void> finished;
    private final List<Future<Void>> parses = new ArrayList<>();

    Lane(List<String> urls, List<Integer> mine, int[] next, Function<Integer, String> etags,
        boolean parse, AtomicInteger ok, AtomicInteger notModified, AtomicInteger failed,
        AtomicInteger entries, AtomicLong bytes, Promise<Void> finished) {
      this.urls = urls;
      this.mine = mine;
      this.next = next;
      this.etags = etags;
      this.parse = parse;
      this.ok = ok;
      this.notModified = notModified;
      this.failed = failed;
      this.entries = entries;
      this.bytes = bytes;
      this.finished = finished;
    }

    void go() {
      if (next[0] >= mine.size()) {
        Future.all(parses).onComplete(v -> finished.complete());
        return;
      }
      int i = mine.get(next[0]++);
      URI uri = URI.create(urls.get(i));
      RequestOptions options = new RequestOptions()
          .setMethod(HttpMethod.GET)
          .setHost(uri.getHost())
          .setPort(uri.getPort())
          .setURI(uri.getRawPath())
          .setFollowRedirects(false)
          .setConnectTimeout(10_000)
          .putHeader(HttpHeaders.USER_AGENT, USER_AGENT)
          .putHeader(HttpHeaders.ACCEPT, ACCEPT)
          .putHeader(HttpHeaders.ACCEPT_ENCODING, "gzip");
      String etag = etags.apply(i);
      if (etag != null) {
        options.putHeader(HttpHeaders.IF_NONE_MATCH, etag);
      }
      client.request(options)
          .compose(request -> request.send())
          .onComplete(answer -> {
            if (answer.failed()) {
              failed.incrementAndGet();
              go();
              return;
            }
            var response = answer.result();
            boolean gzipped = "gzip".equals(response.getHeader(HttpHeaders.CONTENT_ENCODING));
            Buffer body = parse && response.statusCode() == 200 ? Buffer.buffer() : null;
            response.handler(chunk -> {
              bytes.addAndGet(chunk.length());
              if (body != null) {
                body.appendBuffer(chunk);
              }
            });
            response.exceptionHandler(e -> failed.incrementAndGet());
            response.endHandler(end -> {
              if (response.statusCode() == 304) {
                notModified.incrementAndGet();
              } else if (response.statusCode() == 200) {
                ok.incrementAndGet();
              } else {
                failed.incrementAndGet();
              }
              if (body != null) {
                String url = urls.get(i);
                parses.add(parsePool.<Void>executeBlocking(() -> {
                  byte[] bytes = gzipped ? gunzip(body.getBytes()) : body.getBytes();
                  entries.addAndGet(parser.parse(bytes, "application/rss+xml", url)
                      .entries().size());
                  return null;
                }, false));
              }
              go();
            });
          });
    }
  }

  private static byte[] gunzip(byte[] bytes) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Future<Void> close() {
    return Future.all(client.close(), parsePool.close()).eventually(vertx::close).mapEmpty();
  }
}
