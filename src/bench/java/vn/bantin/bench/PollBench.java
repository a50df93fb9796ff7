package vn.bantin.bench;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The poll-cycle and serving-under-polling benchmarks ({@code bench/poll.sh}, bench/README.md
 * "Poll cycle"). Starts the upstream ({@link PollUpstream}) in this JVM, bantin's jar in a
 * process of its own ({@link BantinProcess}) with a feeds.yml of every upstream feed, and the
 * reference client ({@link PollReference}) in this JVM; then runs interleaved pairs
 * ({@link PollPairs}) and writes a Markdown report.
 *
 * <p>{@code java vn.bantin.bench.PollBench work=DIR jar=JAR result=FILE [feeds=1000] [items=50]
 * [hosts=8] [concurrency=16] [per-host=2] [pairs=5] [changed-pairs=2] [modes=cycle,serve] [gzip=false]
 * [warm-up=60 (most warm-up rounds)]
 * [changed-warm-up=8 (most changed warm-up rounds)]
 * [serve-pairs=2] [serve-warm-up=6 (most serving warm-up pairs)] [serve-seconds=0 (auto)]
 * [wrk-connections=16] [bantin-opts="..."]
 * [profile=FILE.jfr] [profile-unchanged=CYCLES profile-prefix=PATH [profile-settings=profile]]
 * [wal-snapshot=PAIR wal-to=DIR (bantin's database and WAL copied there after that changed pair)]}
 */
public final class PollBench {

  private PollBench() {}

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = BenchArgs.parse(argv);
    Path work = Path.of(args.get("work"));
    int feeds = Integer.parseInt(args.getOrDefault("feeds", "1000"));
    int items = Integer.parseInt(args.getOrDefault("items", "50"));
    int hosts = Integer.parseInt(args.getOrDefault("hosts", "8"));
    int concurrency = Integer.parseInt(args.getOrDefault("concurrency", "16"));
    int perHost = Integer.parseInt(args.getOrDefault("per-host", "2"));
    boolean gzip = Boolean.parseBoolean(args.getOrDefault("gzip", "false"));
    List<String> modes = Arrays.asList(args.getOrDefault("modes", "cycle,serve").split(","));
    Files.createDirectories(work);

    Vertx vertx = Vertx.vertx();
    PollUpstream upstream = new PollUpstream(vertx,
        new PollFeeds(items, Instant.now().truncatedTo(ChronoUnit.DAYS)), feeds, hosts, gzip);
    upstream.generation(0);
    int upstreamPort = freePort();
    upstream.listen(upstreamPort).toCompletionStage().toCompletableFuture().join();
    Path feedsYml = work.resolve("feeds.yml");
    Files.writeString(feedsYml, feedsYaml(upstream, feeds, upstreamPort));
    System.out.printf("upstream: %d feeds of %d items on 127.0.0.1..%d:%d%s%n", feeds, items,
        hosts, upstreamPort, gzip ? " (gzip)" : "");

    List<String> bantinOpts = new ArrayList<>();
    for (String o : args.getOrDefault("bantin-opts", "").trim().split("\\s+")) {
      if (!o.isEmpty()) {
        bantinOpts.add(o);
      }
    }
    int bantinPort = freePort();
    int parseThreads = Runtime.getRuntime().availableProcessors(); // bantin's default pool size
    PollReference reference = new PollReference(concurrency, perHost, parseThreads, false);
    PollReference metered = new PollReference(concurrency, perHost, parseThreads, true);
    StringBuilder report = new StringBuilder();
    try (BantinProcess bantin = BantinProcess.start(Path.of(args.get("jar")), bantinOpts, work,
        bantinPort, feedsYml, concurrency, perHost)) {
      System.out.println("bantin: pid " + bantin.pid() + " on " + bantin.base());
      PollPairs pairs = new PollPairs(upstream, upstreamPort, feeds, items, bantin, reference,
          metered, report);
      if (args.containsKey("wal-snapshot")) {
        pairs.snapshotAfter(Integer.parseInt(args.get("wal-snapshot")), work.resolve("data"),
            Path.of(args.get("wal-to")));
      }
      boolean changed = modes.contains("serve")
          || Integer.parseInt(args.getOrDefault("changed-pairs", "2")) > 0;
      pairs.warmUp(changed ? Integer.parseInt(args.getOrDefault("changed-warm-up", "8")) : 0,
          Integer.parseInt(args.getOrDefault("warm-up", "60")));
      int pairCount = Integer.parseInt(args.getOrDefault("pairs", "5"));
      if (modes.contains("cycle")) {
        pairs.cycles(pairCount, Integer.parseInt(args.getOrDefault("changed-pairs", "2")),
            args.get("profile"));
      }
      if (args.containsKey("profile-unchanged")) {
        pairs.profileUnchanged(Integer.parseInt(args.get("profile-unchanged")),
            args.get("profile-prefix"), args.getOrDefault("profile-settings", "profile"));
      }
      if (modes.contains("serve")) {
        pairs.serving(Integer.parseInt(args.getOrDefault("serve-pairs", "2")),
            Integer.parseInt(args.getOrDefault("serve-seconds", "0")),
            Integer.parseInt(args.getOrDefault("wrk-connections", "16")),
            Integer.parseInt(args.getOrDefault("serve-warm-up", "6")));
      }
    } finally {
      reference.close();
      metered.close();
      upstream.close();
      vertx.close();
    }
    Files.writeString(Path.of(args.get("result")), report.toString());
  }

  /**
   * Every feed as a source tagged {@code tin}; one category {@code tin} of them all, and two of
   * them kept by keywords, as deployments have (so that ingest files stories as theirs does).
   */
  static String feedsYaml(PollUpstream upstream, int feeds, int port) {
    StringBuilder yaml = new StringBuilder("version: 1\ndefaults:\n")
        // Polls come only when asked: the one at start and the benchmark's refreshes.
        .append("  interval: 7d\nsources:\n");
    for (int f = 1; f <= feeds; f++) {
      yaml.append("  - id: bao-").append(f).append("\n    title: Báo số ").append(f)
          .append("\n    url: ").append(upstream.url(f, port)).append("\n    tags: [tin]\n");
    }
    return yaml.append("categories:\n  - id: tin\n    title: Tin tức\n    tags: [tin]\n")
        .append("  - id: xay-dung-dang\n    title: Xây dựng Đảng\n    tags: [tin]\n")
        .append("    include: [\"Đảng\", \"chi bộ\"]\n    exclude: [\"quảng cáo\"]\n")
        .append("  - id: lai-chau\n    title: Lai Châu\n    tags: [tin]\n")
        .append("    include: [\"lai chau\"]\n")
        .toString();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }
}
