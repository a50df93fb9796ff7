package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.CategoryConfig;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.SourceConfig;

/**
 * Serving while 50 hostile sources are polled over and over: wrk reads a cached category feed
 * for 10 s with 8 connections, p99 must stay under 100 ms, and Vert.x must never report a
 * blocked thread (the event-loop limit is 200 ms here). Loopback only. Skipped without wrk, and
 * when the machine is too busy for the figure to be about bantin: a 3 s run with no poll going,
 * before the measured run (and after it, when that one missed), must have a p99 under 20 ms
 * (about 5 ms on an idle 2-core machine).
 */
class HostileLoadIT {
  private static final Duration WRK_RUN = Duration.ofSeconds(10);
  private static final double P99_BOUND_MILLIS = 100;
  private static final Duration BASELINE_RUN = Duration.ofSeconds(3);
  private static final double BASELINE_BOUND_MILLIS = 20;
  private static final Pattern P99 = Pattern.compile("\\s99%\\s+([\\d.]+)(us|ms|s)\\b");
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");

  @TempDir Path dir;

  @Test
  void aCachedFeedStaysFastWhileFiftyHostileSourcesArePolled() throws Exception {
    Path wrk = onPath("wrk");
    Assumptions.assumeTrue(wrk != null, "wrk is not installed (apt-get install wrk)");
    BlockedThreads watcher = new BlockedThreads();
    List<String> blocked = watcher.warnings();
    try (HostileUpstream upstream = new HostileUpstream()) {
      List<SourceConfig> sources = hostileSources(upstream);
      sources.add(TestServer.source("lon", upstream.conditional("/lon.rss",
          "application/rss+xml", GeneratedFeeds.distinctStories("lon", 300,
              Instant.now().minus(Duration.ofDays(1))))));
      var feeds = new FeedsConfig(Duration.ofHours(1), sources, List.of(new CategoryConfig(
          "lon", "Tin lớn", "", List.of("lon"), List.of(), List.of(), List.of(), null, 50)));
      var settings = TunedServer.withFetch(dir, TunedServer.fetch(Duration.ofSeconds(2),
          10 << 20, 32 << 20, 32, 32, true));
      try (TunedServer server = TunedServer.start(settings, feeds, Duration.ofMillis(200))) {
        server.refresh(); // warm: every source polled once, the feed rendered and cached
        assertThat(server.get("/feeds/lon.rss").body()).contains("<item>");
        Logger.getLogger("").addHandler(watcher);
        double before = quietP99(wrk, server);
        Assumptions.assumeTrue(before < BASELINE_BOUND_MILLIS && blocked.isEmpty(),
            "the machine is too busy to measure: p99 " + before + " ms with no poll running");
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService refresher = Executors.newSingleThreadExecutor();
        try {
          Future<Integer> refreshes = refresher.submit(() -> {
            int n = 0;
            while (running.get()) {
              assertThat(server.refresh().getInteger("errors")).isEqualTo(50);
              n++;
            }
            return n;
          });
          String report = run(wrk.toString(), "-t2", "-c8",
              "-d" + WRK_RUN.toSeconds() + "s", "--latency", server.url("/feeds/lon.rss"));
          running.set(false);
          int polls = refreshes.get(60, TimeUnit.SECONDS);
          double p99 = p99Millis(report);
          List<String> blockedDuringRun = List.copyOf(blocked);
          System.out.printf("HostileLoadIT: p99 %.2f ms over %s requests while %d refreshes of "
              + "50 hostile sources ran%n%s%n", p99, requests(report), polls, report);
          assertThat(polls).as("hostile polls during the run").isGreaterThanOrEqualTo(2);
          assertThat(report).doesNotContain("Non-2xx");
          assertThat(requests(report)).isGreaterThan(1_000);
          if (p99 >= P99_BOUND_MILLIS || !blockedDuringRun.isEmpty()) {
            double after = quietP99(wrk, server);
            Assumptions.assumeTrue(after < BASELINE_BOUND_MILLIS, "the machine got too busy "
                + "to measure: p99 " + after + " ms with no poll running, after the run");
          }
          assertThat(p99).isLessThan(P99_BOUND_MILLIS);
          assertThat(blockedDuringRun).as("Vert.x blocked-thread warnings").isEmpty();
        } finally {
          running.set(false);
          refresher.shutdownNow();
          Logger.getLogger("").removeHandler(watcher);
        }
      }
    }
  }

  /**
   * p99 of a short run with no poll going: when even this is slow, other processes hold the CPU
   * and no latency measured now would say anything about bantin.
   */
  private static double quietP99(Path wrk, TunedServer server) throws Exception {
    String quiet = run(wrk.toString(), "-t2", "-c8", "-d" + BASELINE_RUN.toSeconds() + "s",
        "--latency", server.url("/feeds/lon.rss"));
    System.out.printf("HostileLoadIT: p99 with no poll running %.2f ms over %d requests%n",
        p99Millis(quiet), requests(quiet));
    return p99Millis(quiet);
  }

  /** 50 sources, each hostile in one of nine ways. */
  private static List<SourceConfig> hostileSources(HostileUpstream upstream) {
    byte[] millionItems = millionTinyItems();
    List<SourceConfig> sources = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String path = "/hostile-" + i;
      String url = switch (i % 10) {
        case 0, 1 -> upstream.drip(path, 200);
        case 2 -> upstream.silent(path);
        case 3 -> i < 25 ? upstream.hugeLength(path, 50_000_000_000L) : upstream.silent(path);
        case 4 -> upstream.endless(path);
        case 5 -> upstream.gzipBomb(path, 64 << 20);
        case 6 -> upstream.redirect(path, path);
        case 7 -> upstream.body(path, "application/rss+xml", HostileFeeds.quadraticBlowup());
        case 8 -> upstream.body(path, "application/rss+xml", HostileFeeds.deeplyNested(11_000));
        default -> upstream.gzipped(path, "application/rss+xml", millionItems);
      };
      sources.add(TestServer.source("hostile-" + i, url));
    }
    return sources;
  }

  /** 600,000 items of about 50 bytes: 30 MB decoded, refused only after parsing. */
  private static byte[] millionTinyItems() {
    StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>t</title>");
    for (int i = 0; i < 600_000; i++) {
      xml.append("<item><guid>").append(i).append("</guid><pubDate>x</pubDate></item>");
    }
    // An element flood after the items makes the poll fail (body_too_large) after the work.
    return xml.append("<x/>".repeat(300_000)).append("</channel></rss>").toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  static double p99Millis(String report) {
    Matcher m = P99.matcher(report);
    assertThat(m.find()).as("a 99%% line in %s", report).isTrue();
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }

  private static long requests(String report) {
    Matcher m = REQUESTS.matcher(report);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static Path onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(d, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
