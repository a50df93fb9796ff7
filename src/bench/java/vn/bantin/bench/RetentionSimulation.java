package vn.bantin.bench;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.sqlite.SQLiteConfig;
import vn.bantin.model.Entry;
import vn.bantin.store.SqliteStore;

/**
 * A simulated month of polling on a simulated clock ({@code bench/retention.sh} runs it): every
 * source publishes {@code perDay} stories a day and its feed shows its newest {@code window};
 * every source is polled {@code pollsPerDay} times a day and its whole feed ingested, as when it
 * changed (a 304 writes nothing); the store is pruned after every poll round with the server's
 * rule (cutoff = now - retention; Bantin prunes hourly). At the end of each simulated day the WAL
 * is checkpointed and the rows and the file size printed: once the retention period has passed
 * they must stop growing.
 *
 * <p>Arguments: {@code sources perDay window pollsPerDay days retentionDays dataDir}.
 */
public final class RetentionSimulation {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private RetentionSimulation() {}

  /** A clock the simulation moves by hand. */
  private static final class SimulatedClock implements InstantSource {
    private volatile Instant now = START;

    @Override
    public Instant instant() {
      return now;
    }
  }

  public static void main(String[] args) throws Exception {
    int sources = Integer.parseInt(args[0]);
    int perDay = Integer.parseInt(args[1]);
    int window = Integer.parseInt(args[2]);
    int pollsPerDay = Integer.parseInt(args[3]);
    int days = Integer.parseInt(args[4]);
    Duration retention = Duration.ofDays(Long.parseLong(args[5]));
    Path dir = Path.of(args[6]);
    TrialStore.deleteTree(dir);
    Files.createDirectories(dir);

    SimulatedClock clock = new SimulatedClock();
    Vertx vertx = Vertx.vertx();
    SqliteStore store = StoryCorpus.await(SqliteStore.open(vertx, dir, 1, clock));
    StoryCorpus.await(store.categorize(CorpusCategories.VERSION, CorpusCategories::of));
    List<Deque<Entry>> feeds = new ArrayList<>();
    for (int s = 0; s < sources; s++) {
      feeds.add(new ArrayDeque<>());
    }
    Duration round = Duration.ofDays(1).dividedBy(pollsPerDay);
    long published = 0;
    long pruned = 0;
    long started = System.nanoTime();
    System.out.println("day   stories   entries  file_MiB  free_MiB  pruned  seconds");
    for (int day = 1; day <= days; day++) {
      for (int r = 0; r < pollsPerDay; r++) {
        clock.now = clock.now.plus(round);
        Instant now = clock.now;
        for (int s = 0; s < sources; s++) {
          String source = SyntheticNews.sourceId(s, sources);
          Deque<Entry> feed = feeds.get(s);
          // This round's share of the day's stories, published since the last round.
          int fresh = perDay / pollsPerDay + (r < perDay % pollsPerDay ? 1 : 0);
          for (int i = 0; i < fresh; i++) {
            Instant at = now.minus(round.multipliedBy(i + 1).dividedBy(fresh + 1));
            feed.addFirst(SyntheticNews.publishedAt(source, "e" + published, published, at));
            published++;
          }
          while (feed.size() > window) {
            feed.removeLast();
          }
          List<Entry> polled = new ArrayList<>(feed.size());
          for (Entry e : feed) {
            polled.add(new Entry(e.sourceId(), e.key(), e.link(), e.title(), e.summaryHtml(),
                e.contentHtml(), e.author(), e.published(), now));
          }
          StoryCorpus.await(store.ingest(StoryCorpus.polled(source), polled));
        }
        pruned += StoryCorpus.await(store.prune(now.minus(retention)));
      }
      Size size = size(dir);
      System.out.printf(Locale.ROOT, "%3d %9d %9d %9.1f %9.1f %7d %8.0f%n", day,
          size.stories, size.entries, size.fileBytes / 1048576.0,
          size.freeBytes / 1048576.0, pruned, (System.nanoTime() - started) / 1e9);
    }
    StoryCorpus.await(store.close());
    StoryCorpus.await(vertx.close());
  }

  private record Size(long stories, long entries, long fileBytes, long freeBytes) {}

  /** Checkpoints the WAL into the file, then counts; the store's writer is idle meanwhile. */
  private static Size size(Path dir) throws SQLException, java.io.IOException {
    Path file = dir.resolve(SqliteStore.DATABASE_FILE);
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(10_000);
    try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Statement statement = c.createStatement()) {
      statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      long pageSize = single(statement, "PRAGMA page_size");
      return new Size(single(statement, "SELECT COUNT(*) FROM stories"),
          single(statement, "SELECT COUNT(*) FROM entries"),
          Files.size(file),
          pageSize * single(statement, "PRAGMA freelist_count"));
    }
  }

  private static long single(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
