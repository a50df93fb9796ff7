package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.Settings;
import vn.bantin.config.SourceConfig;
import vn.bantin.store.SqliteStore;

/**
 * bantin killed with SIGKILL at random moments while its first polls are being stored, 20 times:
 * every time the store reopens whole (integrity, every entry's story present, every story with
 * an entry, a source's validators only with all of that poll's entries), and the next poll
 * brings whatever the killed one did not store. Each kill comes 0-300 ms after 0 to 4 sources
 * were seen stored, both drawn from a seeded Random ({@code -Dbantin.killSeed=N} replays the
 * choices); the seed and each run are printed.
 */
class KillDuringIngestIT {
  private static final int RUNS = 20;
  private static final int SOURCES = 5;
  private static final int ITEMS = 300;
  private static final long SEED = Long.getLong("bantin.killSeed", 20261126L);
  /** At most this long after the chosen point of progress the kill comes. */
  private static final int MAX_DELAY_MILLIS = 300;

  @TempDir Path dir;

  @Test
  void everyKillLeavesWholeStoriesAndTheNextPollCompletesTheSet() throws Exception {
    Random random = new Random(SEED);
    try (HostileUpstream upstream = new HostileUpstream()) {
      List<SourceConfig> sources = new ArrayList<>();
      Instant newest = Instant.now().minus(Duration.ofHours(1));
      for (int s = 0; s < SOURCES; s++) {
        String id = "nguon-" + s;
        sources.add(TestServer.source(id, upstream.conditional("/" + id + ".rss",
            "application/rss+xml", GeneratedFeeds.distinctStories(id, ITEMS, newest))));
      }
      Path feeds = BantinProcess.write(dir.resolve("feeds.yml"), feedsYaml(sources));
      System.out.printf("KillDuringIngestIT: seed %d (-Dbantin.killSeed=N replays)%n", SEED);
      int partial = 0;
      for (int run = 0; run < RUNS; run++) {
        Path data = dir.resolve("run-" + run);
        int after = random.nextInt(SOURCES); // sources seen stored before the kill may come
        int delay = random.nextInt(MAX_DELAY_MILLIS + 1);
        BantinProcess bantin = BantinProcess.start(conf(run, data), feeds, Map.of());
        long start = System.nanoTime();
        awaitStored(bantin, after);
        CompletableFuture.runAsync(() -> { },
            CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS)).join();
        bantin.kill();
        long killedAt = Duration.ofNanos(System.nanoTime() - start).toMillis();

        int stored = assertWhole(data);
        partial += stored > 0 && stored < SOURCES ? 1 : 0;
        System.out.printf("run %d: SIGKILL %d ms after %d sources were seen stored (%d ms after "
            + "serving): %d of %d sources stored%n", run, delay, after, killedAt, stored, SOURCES);

        try (TunedServer again = TunedServer.start(
            TunedServer.withParse(TunedServer.withFetch(data, TunedServer.fetch(
                Duration.ofSeconds(10), 10 << 20, 32 << 20, 8, 8, true)), parseCaps()),
            new FeedsConfig(Duration.ofHours(1), sources, List.of()), Duration.ofSeconds(2))) {
          assertThat(again.refresh().getInteger("errors")).isZero();
        }
        assertThat(count(data, "SELECT count(*) FROM stories"))
            .as("run %d: the next poll completes the set", run).isEqualTo(SOURCES * ITEMS);
        assertWhole(data);
      }
      System.out.println("KillDuringIngestIT: " + partial + " of " + RUNS
          + " kills fell between the first and the last source's transaction");
    }
  }

  /**
   * Waits until the running bantin reports {@code count} sources with entries. Kills placed
   * after a point of progress, rather than after a fixed time, fall before, between and inside
   * the ingest transactions on a fast machine and a loaded one alike.
   */
  private static void awaitStored(BantinProcess bantin, int count) throws Exception {
    long start = System.nanoTime();
    while (count > 0 && bantin.sources().stream().map(JsonObject.class::cast)
        .filter(s -> s.getLong("entries") > 0).count() < count) {
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
      CompletableFuture.runAsync(() -> { },
          CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS)).join();
    }
  }

  /** Asserts the store is whole; returns how many sources have their poll stored. */
  private static int assertWhole(Path data) throws SQLException {
    try (Connection c = open(data); Statement s = c.createStatement()) {
      assertThat(single(s, "PRAGMA integrity_check")).isEqualTo("ok");
      assertThat(single(s, "SELECT count(*) FROM entries e WHERE NOT EXISTS "
          + "(SELECT 1 FROM stories s WHERE s.rid = e.story_rid)")).as("entries without story")
          .isEqualTo("0");
      assertThat(single(s, "SELECT count(*) FROM stories s WHERE NOT EXISTS "
          + "(SELECT 1 FROM entries e WHERE e.story_rid = s.rid)")).as("stories without entry")
          .isEqualTo("0");
      assertThat(single(s, "SELECT count(*) FROM stories s WHERE NOT EXISTS "
          + "(SELECT 1 FROM category_stories c WHERE c.story_rid = s.rid)"))
          .as("stories in no category").isEqualTo("0");
      // One poll is one transaction: its validators come with all of its entries, or neither.
      int stored = 0;
      try (ResultSet rows = s.executeQuery("SELECT src.id, src.etag, (SELECT count(*) FROM "
          + "entries e WHERE e.source_id = src.id) FROM sources src")) {
        while (rows.next()) {
          boolean validators = rows.getString(2) != null;
          assertThat(rows.getInt(3)).as("entries of %s (etag %s)", rows.getString(1),
              rows.getString(2)).isEqualTo(validators ? ITEMS : 0);
          stored += validators ? 1 : 0;
        }
      }
      return stored;
    }
  }

  private static Connection open(Path data) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:sqlite:" + data.resolve(SqliteStore.DATABASE_FILE));
  }

  private static String single(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      assertThat(r.next()).isTrue();
      return r.getString(1);
    }
  }

  private static int count(Path data, String sql) throws SQLException {
    try (Connection c = open(data); Statement s = c.createStatement()) {
      return Integer.parseInt(single(s, sql));
    }
  }

  /** The test caps, with room for every item of a source. */
  private static Settings.Parse parseCaps() {
    return new Settings.Parse(2, 64, 500, 500, 5000, 100_000);
  }

  private Path conf(int run, Path data) {
    return BantinProcess.conf(dir.resolve("bantin-" + run + ".yml"), data,
        BantinProcess.ALLOW_PRIVATE_NETWORKS + """
        parse:
          max_entries: 500
        """);
  }

  private static String feedsYaml(List<SourceConfig> sources) {
    StringBuilder yaml = new StringBuilder("version: 1\nsources:\n");
    for (SourceConfig s : sources) {
      yaml.append("  - id: ").append(s.id()).append("\n    title: ").append(s.title())
          .append("\n    url: ").append(s.url()).append('\n');
    }
    return yaml.toString();
  }
}
