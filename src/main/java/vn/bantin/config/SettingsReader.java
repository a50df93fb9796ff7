package vn.bantin.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads the tree of {@code conf/bantin.yml} into {@link Settings}; every setting has a default, so
 * an empty file reads as {@link ConfigLoader#defaults()}. The defaults here are the ones
 * {@code conf/bantin.yml} documents.
 */
final class SettingsReader {
  private static final Duration NONE = Duration.ZERO;

  private SettingsReader() {}

  static Settings read(YamlNode root, Problems problems) {
    MappingReader top = MappingReader.of(root, "", problems,
        List.of("http", "store", "admin", "fetch", "poll", "parse", "serve"));
    return new Settings(http(top), store(top), admin(top), fetch(top), poll(top), parse(top),
        serve(top));
  }

  private static Settings.Http http(MappingReader top) {
    MappingReader m = top.section("http", List.of("host", "port", "public_url"));
    String host = m.nonBlankText("host", "0.0.0.0");
    int port = m.integer("port", 8080, 0, 65_535); // 0: any free port (tests use it)
    String publicUrl = m.text("public_url").orElse("");
    if (!publicUrl.isEmpty() && !isPublicUrl(publicUrl)) {
      m.report("public_url", "must be empty or an http(s) URL without a trailing slash");
    }
    return new Settings.Http(host, port, publicUrl);
  }

  private static Settings.Store store(MappingReader top) {
    MappingReader m = top.section("store", List.of("data_dir", "url", "retention",
        "read_pool_size"));
    Path dataDir = dataDir(m.nonBlankText("data_dir", "data"))
        .orElseGet(() -> {
          m.report("data_dir", "not a valid path");
          return Path.of("data");
        });
    String url = m.text("url").orElse("");
    if (!isStoreUrl(url)) {
      m.report("url", STORE_URL_EXPECTED);
    }
    return new Settings.Store(dataDir, url,
        m.duration("retention", Duration.ofDays(90), Duration.ofDays(1)),
        m.integer("read_pool_size", 2, 1, 64));
  }

  private static Settings.Admin admin(MappingReader top) {
    MappingReader m = top.section("admin", List.of("token"));
    return new Settings.Admin(m.text("token").orElse(""));
  }

  private static Settings.Fetch fetch(MappingReader top) {
    MappingReader m = top.section("fetch", List.of("connect_timeout", "deadline",
        "max_body_bytes", "max_decoded_bytes", "max_redirects", "concurrency",
        "per_host_concurrency", "allow_private_networks", "user_agent"));
    Duration connect = m.duration("connect_timeout", Duration.ofSeconds(10), Duration.ofSeconds(1));
    Duration deadline = m.duration("deadline", Duration.ofSeconds(30), Duration.ofSeconds(1));
    if (deadline.compareTo(connect) < 0) {
      m.report("deadline", "must be at least fetch.connect_timeout (" + Durations.format(connect)
          + ")");
    }
    return new Settings.Fetch(connect, deadline,
        m.integer("max_body_bytes", 10_485_760L, 1, Long.MAX_VALUE),
        m.integer("max_decoded_bytes", 33_554_432L, 1, Long.MAX_VALUE),
        m.integer("max_redirects", 5, 0, 20),
        m.integer("concurrency", 16, 1, 1024),
        m.integer("per_host_concurrency", 2, 1, 1024),
        m.bool("allow_private_networks", false),
        m.nonBlankText("user_agent", "bantin/0.1 (+https://github.com/bantin/bantin)"));
  }

  private static Settings.Poll poll(MappingReader top) {
    MappingReader m = top.section("poll", List.of("default_interval", "backoff_base",
        "backoff_max", "jitter"));
    Duration interval = m.duration("default_interval", Duration.ofMinutes(15),
        Duration.ofMinutes(1));
    Duration base = m.duration("backoff_base", Duration.ofMinutes(1), Duration.ofSeconds(1));
    Duration max = m.duration("backoff_max", Duration.ofHours(6), Duration.ofSeconds(1));
    if (max.compareTo(base) < 0) {
      m.report("backoff_max", "must be at least poll.backoff_base (" + Durations.format(base)
          + ")");
    }
    return new Settings.Poll(interval, base, max, m.decimal("jitter", 0.1, 0, 1));
  }

  private static Settings.Parse parse(MappingReader top) {
    MappingReader m = top.section("parse", List.of("pool_size", "max_depth", "max_entries",
        "max_title_chars", "max_summary_chars", "max_content_chars"));
    int poolSize = m.integer("pool_size", 0, 0, 256);
    return new Settings.Parse(
        poolSize == 0 ? Runtime.getRuntime().availableProcessors() : poolSize,
        m.integer("max_depth", 64, 1, Integer.MAX_VALUE),
        m.integer("max_entries", 200, 1, Integer.MAX_VALUE),
        m.integer("max_title_chars", 500, 1, Integer.MAX_VALUE),
        m.integer("max_summary_chars", 5_000, 1, Integer.MAX_VALUE),
        m.integer("max_content_chars", 100_000, 1, Integer.MAX_VALUE));
  }

  private static Settings.Serve serve(MappingReader top) {
    MappingReader m = top.section("serve", List.of("render_pool_size", "cache_max_renderings",
        "max_age", "stale_while_revalidate"));
    return new Settings.Serve(
        m.integer("render_pool_size", 2, 1, 256),
        m.integer("cache_max_renderings", 1_000, 1, Integer.MAX_VALUE),
        m.duration("max_age", Duration.ofSeconds(60), NONE),
        m.duration("stale_while_revalidate", Duration.ofSeconds(300), NONE));
  }

  static final String STORE_URL_EXPECTED =
      "must be empty or a PostgreSQL URL (postgresql://host:5432/bantin)";

  /** Empty (SQLite under data_dir) or a PostgreSQL URL, with or without the JDBC prefix. */
  static boolean isStoreUrl(String url) {
    return url.isEmpty() || url.startsWith("postgresql://") || url.startsWith("postgres://")
        || url.startsWith("jdbc:postgresql:");
  }

  static Optional<Path> dataDir(String text) {
    try {
      return Optional.of(Path.of(text));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  // Self links are publicUrl + "/feeds/..."; a trailing slash would double the slash.
  private static boolean isPublicUrl(String text) {
    return HttpUrls.isHttpUrl(text) && !text.endsWith("/") && !text.contains("?")
        && !text.contains("#");
  }
}
