package vn.bantin.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Every runtime setting of {@code conf/bantin.yml}, after {@code BANTIN_*} environment overrides.
 * See the README for each setting's meaning and default.
 */
public record Settings(Http http, Store store, Admin admin, Fetch fetch, Poll poll, Parse parse,
    Serve serve) {

  /** The HTTP listener. {@code publicUrl} (no trailing slash) prefixes self links; empty means
   * "derive from the request". */
  public record Http(String host, int port, String publicUrl) {}

  /** Where state lives: {@code dataDir} for SQLite; {@code url} a PostgreSQL URL or empty. */
  public record Store(Path dataDir, String url, Duration retention, int readPoolSize) {}

  /** The admin API bearer token; empty turns the admin API off. */
  public record Admin(String token) {}

  /** Limits applied to every fetch. */
  public record Fetch(
      Duration connectTimeout,
      Duration deadline,
      long maxBodyBytes,
      long maxDecodedBytes,
      int maxRedirects,
      int concurrency,
      int perHostConcurrency,
      boolean allowPrivateNetworks,
      String userAgent) {}

  /** Scheduling: the default interval and the back-off after failures. */
  public record Poll(Duration defaultInterval, Duration backoffBase, Duration backoffMax,
      double jitter) {}

  /** The parse pool and the caps applied to what sources publish. */
  public record Parse(
      int poolSize,
      int maxDepth,
      int maxEntries,
      int maxTitleChars,
      int maxSummaryChars,
      int maxContentChars) {}

  /** Rendering and HTTP caching of category feeds. */
  public record Serve(int renderPoolSize, int cacheMaxRenderings, Duration maxAge,
      Duration staleWhileRevalidate) {}
}
