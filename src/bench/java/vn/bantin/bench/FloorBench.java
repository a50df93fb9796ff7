package vn.bantin.bench;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import vn.bantin.bench.FloorEntries.Poll;
import vn.bantin.bench.FloorWriter.Variant;
import vn.bantin.model.SourceState;
import vn.bantin.store.SqliteStore;

/**
 * How far bantin's store writer is above the SQLite floor of its schema ({@code bench/floor.sh},
 * bench/README.md "Store floor"). One changed cycle of {@code bench/poll.sh} (generation 2 of
 * {@link PollFeeds}: F sources of N new entries) is written into copies of a store holding
 * generation 1 (the poll bench's store at that point): by {@link SqliteStore#ingest}, polls
 * in flight bounded as bantin's IngestGate bounds them, and by {@link FloorWriter} in its
 * variants; every trial on a fresh copy, the kinds in rotating order, repeated.
 *
 * <p>{@code java vn.bantin.bench.FloorBench work=DIR result=FILE [feeds=200] [items=50]
 * [reps=5] [group=bantin|N] [in-flight=4] [kinds=bantin,all,no-bands,no-categories,no-sync]}
 */
public final class FloorBench {
  static final String CATEGORY = "tin";
  private static final Map<String, Variant> FLOORS = Map.of(
      "all", new Variant("all", true, true, false),
      "no-bands", new Variant("no-bands", false, true, false),
      "no-categories", new Variant("no-categories", true, false, false),
      "no-sync", new Variant("no-sync", true, true, true));
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private FloorBench() {}

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = BenchArgs.parse(argv);
    Path work = Path.of(args.get("work"));
    int feeds = Integer.parseInt(args.getOrDefault("feeds", "200"));
    int items = Integer.parseInt(args.getOrDefault("items", "50"));
    int reps = Integer.parseInt(args.getOrDefault("reps", "5"));
    // "bantin": the floors commit the groups bantin's ingest of the same repetition committed.
    String group = args.getOrDefault("group", "bantin");
    int inFlight = Integer.parseInt(args.getOrDefault("in-flight", "4"));
    List<String> kinds = List.of(args.getOrDefault("kinds",
        "bantin,all,no-bands,no-categories,no-sync").split(","));
    Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(4, ChronoUnit.HOURS);
    List<Poll> stored = FloorEntries.generation(1, feeds, items, base);
    List<Poll> cycle = FloorEntries.generation(2, feeds, items, base);
    int entries = FloorEntries.count(cycle);
    Path template = work.resolve("template");
    Vertx vertx = Vertx.vertx();
    FloorResults results = new FloorResults(kinds, entries);
    try {
      System.out.println("== template: " + FloorEntries.count(stored) + " entries stored");
      ingest(vertx, template, stored, inFlight);
      checkpoint(template);
      // Repetition 0 is the warm-up, not counted: each kind once, so the JIT has seen every path.
      for (int rep = 0; rep <= reps; rep++) {
        int[] groups = uniform(cycle.size(), group.equals("bantin") ? 3 : Integer.parseInt(group));
        for (int k = 0; k < kinds.size(); k++) {
          // bantin first, so that the floors replay its commit groups; the floors rotate.
          String kind = kinds.get(0).equals("bantin") && k > 0
              ? kinds.get(1 + (k - 1 + rep) % (kinds.size() - 1)) : kinds.get(k);
          Path trial = work.resolve("trial");
          TrialStore.deleteTree(trial);
          copy(template, trial);
          Trial t = kind.equals("bantin") ? ingest(vertx, trial, cycle, inFlight)
              : floor(trial, cycle, groups, FLOORS.get(kind));
          if (kind.equals("bantin") && group.equals("bantin")) {
            groups = t.groups();
          }
          System.out.printf("%s %s: CPU %.3f s, wall %.3f s, %d commits%n",
              rep == 0 ? "warm-up" : "rep " + rep, kind, t.cpu(), t.wall(), t.groups().length);
          if (rep > 0) {
            results.add(kind, t.cpu(), t.wall(), (double) cycle.size() / t.groups().length);
          }
          TrialStore.deleteTree(trial);
        }
      }
    } finally {
      StoryCorpus.await(vertx.close());
    }
    Files.writeString(Path.of(args.get("result")), results.report(feeds, items, group, inFlight));
  }

  /** One trial: CPU seconds of the writing thread, wall seconds, polls of each commit. */
  record Trial(double cpu, double wall, int[] groups) {}

  private static int[] uniform(int polls, int size) {
    int[] groups = new int[(polls + size - 1) / size];
    for (int i = 0; i < groups.length; i++) {
      groups[i] = Math.min(size, polls - i * size);
    }
    return groups;
  }

  /** The bare floor; CPU of this thread and wall time, seconds. */
  private static Trial floor(Path dir, List<Poll> polls, int[] groups, Variant variant)
      throws Exception {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    FloorWriter.write(dir, polls, groups, CATEGORY, variant, Instant.now());
    return new Trial((THREADS.getCurrentThreadCpuTime() - cpu) / 1e9,
        (System.nanoTime() - start) / 1e9, groups);
  }

  /**
   * bantin's path into the store in dir (created when missing): every poll through {@link
   * SqliteStore#ingest}, at most {@code inFlight} at a time. CPU of the writer thread (its keys
   * thread's is printed), and wall time from the first ingest to the last one's commit.
   */
  static Trial ingest(Vertx vertx, Path dir, List<Poll> polls, int inFlight)
      throws Exception {
    SqliteStore store = StoryCorpus.await(SqliteStore.open(vertx, dir, 2, InstantSource.system()));
    long pid = ProcessHandle.current().pid();
    try {
      StoryCorpus.await(store.categorize("floor-1", story -> Set.of(CATEGORY)));
      Map<String, Double> before = ThreadCpu.of(pid);
      long start = System.nanoTime();
      Semaphore slots = new Semaphore(inFlight);
      AtomicInteger stories = new AtomicInteger();
      AtomicReference<Throwable> failed = new AtomicReference<>();
      long[] completed = new long[polls.size()];
      AtomicInteger completions = new AtomicInteger();
      for (Poll poll : polls) {
        slots.acquire();
        SourceState state = StoryCorpus.polled(poll.sourceId());
        store.ingest(state, poll.entries()).onComplete(done -> {
          completed[completions.getAndIncrement()] = System.nanoTime();
          if (done.succeeded()) {
            stories.addAndGet(done.result().newStories());
          } else {
            failed.compareAndSet(null, done.cause());
          }
          slots.release();
        });
      }
      slots.acquire(inFlight);
      double wall = (System.nanoTime() - start) / 1e9;
      Map<String, Double> after = ThreadCpu.of(pid);
      if (failed.get() != null) {
        throw new IllegalStateException("ingest failed", failed.get());
      }
      if (stories.get() != FloorEntries.count(polls)) {
        throw new IllegalStateException("expected every entry new, got " + stories.get());
      }
      double writer = after.getOrDefault("bantin-store-wr", 0.0)
          - before.getOrDefault("bantin-store-wr", 0.0);
      System.out.printf("    keys thread CPU %.3f s%n", after.getOrDefault("bantin-store-ke", 0.0)
          - before.getOrDefault("bantin-store-ke", 0.0));
      return new Trial(writer, wall, groups(completed));
    } finally {
      StoryCorpus.await(store.close());
    }
  }

  /**
   * Commit groups, told apart by when the polls' futures completed: those of one group complete
   * one after another on the writer thread once its COMMIT returned (microseconds apart), and a
   * group takes milliseconds to write.
   */
  private static int[] groups(long[] completed) {
    long[] sorted = completed.clone();
    Arrays.sort(sorted);
    List<Integer> groups = new ArrayList<>();
    int size = 1;
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] - sorted[i - 1] > 500_000) {
        groups.add(size);
        size = 0;
      }
      size++;
    }
    groups.add(size);
    return groups.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Every trial starts from the same database file and an empty WAL. */
  private static void checkpoint(Path dir) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:"
            + dir.resolve(SqliteStore.DATABASE_FILE).toAbsolutePath());
        Statement statement = c.createStatement()) {
      statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}
