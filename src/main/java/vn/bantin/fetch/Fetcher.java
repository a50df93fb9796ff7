package vn.bantin.fetch;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.net.InetAddress;
import java.time.InstantSource;
import java.util.function.Predicate;
import vn.bantin.config.Settings;
import vn.bantin.model.Failure;
import vn.bantin.model.FailureCode;
import vn.bantin.threads.BackgroundPriority;

/**
 * Fetches feeds over HTTP: conditional GET, gzip, size caps, an absolute deadline, redirects
 * followed by hand, the address guard on every hop, and global and per-host concurrency limits.
 *
 * <p>It uses the core {@link HttpClient}, not {@code WebClient}: a capped body has to be seen
 * chunk by chunk with the response headers already in hand, and the exchange reset the moment a
 * cap is crossed or the deadline passes. WebClient's body codecs either buffer the whole body or
 * pipe it to a stream that cannot abort the request.
 *
 * <p>Every fetch runs on one event-loop context captured at construction; construct it on an
 * event loop or outside Vert.x, not on a worker. Methods may be called from any thread.
 */
public final class Fetcher {
  /** Parsed URLs kept: more than any feeds.yml here has sources, each fetched over and over. */
  private static final int URLS_KEPT = 10_000;

  private final Context context;
  private final HttpClient client;
  private final WorkerExecutor dnsPool;
  private final WorkerExecutor inflatePool;
  private final HostLimiter limiter;
  private final FetchShared shared;
  private final ParsedUrls urls = new ParsedUrls(URLS_KEPT);

  /** A fetcher on the system clock. */
  public Fetcher(Vertx vertx, Settings.Fetch settings) {
    this(vertx, settings, InstantSource.system());
  }

  /** A fetcher whose {@code Retry-After} and {@code Expires} arithmetic uses {@code clock}. */
  public Fetcher(Vertx vertx, Settings.Fetch settings, InstantSource clock) {
    this(vertx, settings, clock, AddressGuard::isPublic);
  }

  /** For tests: {@code isPublic} replaces {@link AddressGuard#isPublic} when the guard is on. */
  Fetcher(Vertx vertx, Settings.Fetch settings, InstantSource clock,
      Predicate<InetAddress> isPublic) {
    this.context = vertx.getOrCreateContext();
    this.client = vertx.createHttpClient(clientOptions(settings),
        new PoolOptions().setHttp1MaxSize(Math.max(1, settings.concurrency())));
    int lookups = Math.max(2, Math.min(settings.concurrency(), 16));
    this.dnsPool = settings.allowPrivateNetworks() ? null
        : vertx.createSharedWorkerExecutor("bantin-fetch-dns", lookups);
    CheckedResolver resolver = dnsPool == null ? null : new CheckedResolver(dnsPool, isPublic);
    this.limiter = new HostLimiter(settings.concurrency(), settings.perHostConcurrency());
    // Inflating is ingest work: its threads run lowered, as the parse pool's do.
    this.inflatePool = BackgroundPriority.lowered(vertx.createSharedWorkerExecutor(
        "bantin-inflate", Runtime.getRuntime().availableProcessors()));
    this.shared = new FetchShared(inflatePool, client, settings, resolver,
        new Deadlines(vertx, settings.deadline()), new HopRequest(settings), clock);
  }

  private static HttpClientOptions clientOptions(Settings.Fetch settings) {
    return new HttpClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
        // We send Accept-Encoding: gzip ourselves and inflate under maxDecodedBytes; Vert.x's
        // own decompression would inflate without a cap.
        .setDecompressionSupported(false)
        .setKeepAlive(true)
        .setKeepAliveTimeout(30)
        .setVerifyHost(true)
        .setMaxHeaderSize(32 * 1024);
  }

  /**
   * Fetches {@code request.url()}. Waits for a slot under the concurrency limits first; the
   * deadline starts only once the fetch does. The future never fails: every problem is a
   * {@link FetchResult.Failed}. It completes on the caller's context when there is one.
   */
  public Future<FetchResult> fetch(FetchRequest request) {
    Context caller = Vertx.currentContext();
    Promise<FetchResult> promise = Promise.promise();
    if (caller == context) {
      // Already on the fetcher's event loop (the scheduler polls there): no task to queue, no
      // thread switch either way.
      admit(request, promise::complete);
      return promise.future();
    }
    context.runOnContext(v -> admit(request, outcome -> {
      if (caller == null || caller == context) {
        promise.complete(outcome);
      } else {
        caller.runOnContext(w -> promise.complete(outcome));
      }
    }));
    return promise.future();
  }

  private void admit(FetchRequest request, Handler<FetchResult> done) {
    FetchUrl url;
    try {
      url = urls.parse(request == null ? null : request.url());
    } catch (IllegalArgumentException e) {
      done.handle(failure(FailureCode.BAD_URL, e.getMessage()));
      return;
    }
    limiter.acquire(url.host(), admitted -> {
      if (!admitted) {
        done.handle(failure(FailureCode.INTERNAL, "fetcher closed"));
        return;
      }
      Handler<FetchResult> finished = outcome -> {
        limiter.release(url.host());
        done.handle(outcome);
      };
      FetchRun run;
      try {
        run = new FetchRun(shared, request, url, finished);
      } catch (RuntimeException e) {
        finished.handle(new FetchResult.Failed(Failures.of(e), null, null, null));
        return;
      }
      run.start(url);
    });
  }

  /**
   * The event-loop context every fetch runs on. A caller on it is admitted without a task queued
   * and gets its result there, so whatever it does next (store the outcome, poll the next
   * source) stays on one thread.
   */
  public Context context() {
    return context;
  }

  /** Refuses waiting and later fetches and closes the connections; in-flight fetches fail. */
  public void close() {
    context.runOnContext(v -> limiter.close());
    client.close();
    inflatePool.close();
    if (dnsPool != null) {
      dnsPool.close();
    }
  }

  private static FetchResult.Failed failure(FailureCode code, String message) {
    return new FetchResult.Failed(new Failure(code, message), null, null, null);
  }
}
