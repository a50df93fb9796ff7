package vn.bantin.bench;

import io.vertx.core.Vertx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The poll cycle on the shared store ({@code bench/poll-shared.sh}, bench/README.md "Poll cycle
 * on the shared store"): one instance against two on the same PostgreSQL. Starts an embedded
 * PostgreSQL (loopback, a data directory under {@code work}, stopped on exit), the upstream
 * ({@link PollUpstream}) in this JVM, and two bantin jars ({@link BantinProcess}) with
 * {@code BANTIN_STORE_URL} naming one database, each with a data directory of its own and the
 * same feeds.yml; then runs interleaved pairs ({@link SharedCycles}) and writes a Markdown report.
 *
 * <p>{@code java vn.bantin.bench.SharedPollBench work=DIR jar=JAR result=FILE [feeds=1000]
 * [items=50] [hosts=8] [concurrency=16] [per-host=2] [modes=refresh,scheduled] [pairs=5]
 * [changed-pairs=0] [scheduled-pairs=2] [scheduled=unchanged|changed|unchanged,changed]
 * [bantin-opts="..."] [pg-stats=1]}; {@code pg-stats} loads pg_stat_statements and reports the
 * statements of the measured cycles by time ({@link PgStatements}).
 */
public final class SharedPollBench {

  private SharedPollBench() {}

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = BenchArgs.parse(argv);
    Path work = Path.of(args.get("work"));
    int feeds = Integer.parseInt(args.getOrDefault("feeds", "1000"));
    int items = Integer.parseInt(args.getOrDefault("items", "50"));
    int hosts = Integer.parseInt(args.getOrDefault("hosts", "8"));
    int concurrency = Integer.parseInt(args.getOrDefault("concurrency", "16"));
    int perHost = Integer.parseInt(args.getOrDefault("per-host", "2"));
    Files.createDirectories(work);
    List<String> bantinOpts = new ArrayList<>();
    for (String o : args.getOrDefault("bantin-opts", "").trim().split("\\s+")) {
      if (!o.isEmpty()) {
        bantinOpts.add(o);
      }
    }

    // zonky's defaults otherwise (fsync off, synchronous_commit off, max_connections 300): the
    // figure is a ratio of two runs on the same server, not the server's own speed.
    boolean pgStats = !args.getOrDefault("pg-stats", "").isEmpty();
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (pgStats) {
      builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
          .setServerConfig("pg_stat_statements.track_planning", "on");
    }
    EmbeddedPostgres postgres = builder
        .setDataDirectory(work.resolve("pg"))
        .setCleanDataDirectory(true)
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(work.resolve("pg.log").toFile()))
        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(work.resolve("pg.log").toFile()))
        .setPort(PollBench.freePort())
        .start();
    Vertx vertx = Vertx.vertx();
    PollUpstream upstream = null;
    StringBuilder report = new StringBuilder();
    try {
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE bantin");
      }
      if (pgStats) {
        try (Connection c = postgres.getDatabase("postgres", "bantin").getConnection();
            Statement s = c.createStatement()) {
          s.execute("CREATE EXTENSION pg_stat_statements");
        }
      }
      String storeUrl = "postgresql://postgres@127.0.0.1:" + postgres.getPort() + "/bantin";
      System.out.println("postgresql: " + storeUrl + ", data in " + work.resolve("pg"));

      upstream = new PollUpstream(vertx,
          new PollFeeds(items, Instant.now().truncatedTo(ChronoUnit.DAYS)), feeds, hosts, false);
      upstream.generation(0);
      int upstreamPort = PollBench.freePort();
      upstream.listen(upstreamPort).toCompletionStage().toCompletableFuture().join();
      Path feedsYml = work.resolve("feeds.yml");
      Files.writeString(feedsYml, PollBench.feedsYaml(upstream, feeds, upstreamPort));
      System.out.printf("upstream: %d feeds of %d items on 127.0.0.1..%d:%d%n", feeds, items,
          hosts, upstreamPort);

      Path jar = Path.of(args.get("jar"));
      try (BantinProcess a = BantinProcess.start(jar, bantinOpts, work.resolve("a"),
              PollBench.freePort(), feedsYml, concurrency, perHost, storeUrl);
          BantinProcess b = BantinProcess.start(jar, bantinOpts, work.resolve("b"),
              PollBench.freePort(), feedsYml, concurrency, perHost, storeUrl)) {
        System.out.println("bantin a: pid " + a.pid() + " on " + a.base() + "; b: pid "
            + b.pid() + " on " + b.base());
        long postgresPid = Long.parseLong(
            Files.readAllLines(work.resolve("pg/postmaster.pid")).get(0).trim());
        SharedCycles cycles = new SharedCycles(upstream, feeds, items, a, b, postgresPid,
            report);
        int changedPairs = Integer.parseInt(args.getOrDefault("changed-pairs", "0"));
        List<String> modes = List.of(args.getOrDefault("modes", "refresh").split(","));
        cycles.warmUp(modes.contains("refresh") && changedPairs > 0);
        if (pgStats) {
          PgStatements.reset(postgres);
        }
        if (modes.contains("refresh")) {
          cycles.run(Integer.parseInt(args.getOrDefault("pairs", "5")), changedPairs);
        }
        List<String> scheduled =
            List.of(args.getOrDefault("scheduled", "unchanged").split(","));
        if (modes.contains("scheduled")) {
          try (Connection db = postgres.getDatabase("postgres", "bantin").getConnection()) {
            new ScheduledCycles(upstream, feeds, items, b, db, cycles.generation(), report)
                .run(Integer.parseInt(args.getOrDefault("scheduled-pairs", "2")),
                    scheduled.contains("unchanged"), scheduled.contains("changed"));
          }
        }
        if (pgStats) {
          PgStatements.report(postgres, report);
        }
        report.append("PostgreSQL: ").append(postgresVersion(postgres))
            .append(" (embedded, zonky defaults: fsync off, synchronous_commit off)\n");
      }
    } finally {
      if (upstream != null) {
        upstream.close().toCompletionStage().toCompletableFuture().join();
      }
      vertx.close().toCompletionStage().toCompletableFuture().join();
      postgres.close();
    }
    Files.writeString(Path.of(args.get("result")), report.toString());
  }

  private static String postgresVersion(EmbeddedPostgres postgres) {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        var rows = s.executeQuery("SHOW server_version")) {
      return rows.next() ? rows.getString(1) : "?";
    } catch (Exception e) {
      return "?";
    }
  }
}
