package vn.bantin.bench;

import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import vn.bantin.model.Entry;
import vn.bantin.store.IngestResult;
import vn.bantin.store.SqliteStore;

/**
 * The same operations as {@link DedupBenchmark} and {@link CategoryBenchmark} on a small and a
 * large corpus, interleaved ({@code bench/flat.sh}): each round runs every operation on both
 * stores, the small one first in odd rounds and second in even ones, and the ratio large/small
 * of that round's times is recorded. A JMH run measures one size after the other, so on a shared
 * machine a change of load between them shows as a ratio; here both sides of a ratio are taken
 * seconds apart. Prints per operation the median ratio and its range, and both sizes' median
 * microseconds per entry (or per read), twice: wall-clock time, and the CPU time of the store's
 * threads ({@code bantin-store-*}). On a machine whose run queue is much longer than its cores,
 * every hand-over between threads waits for a time slice and the wall-clock time measures the
 * queue; the CPU time of the store's threads does not, but misses what the store waits for
 * (fsync at checkpoints).
 *
 * <p>Arguments: {@code small large rounds [days]}: both corpora are published over 60 days
 * unless {@code days} is given for the large one; {@code 10000 1000000 15 6000} compares two
 * stores of the same density of stories per day, so that the ±72 h window of rule 4 holds as many
 * stories in both and only the store's size differs.
 */
public final class FlatnessRatio {

  private static final String SOURCE_PREFIX = "bench-";
  private static final String SOURCE = SOURCE_PREFIX + "nguon-moi";
  private static final int SINGLES = 40;
  private static final int READS = 40;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final StoryCorpus corpus;
  private final Path work;
  private final SqliteStore store;
  private final SplittableRandom random = new SplittableRandom(42);
  private final String run = Long.toString(System.nanoTime(), 36);
  private long counter;

  private FlatnessRatio(Vertx vertx, long stories, Duration span) throws Exception {
    corpus = StoryCorpus.prepare(vertx, stories, SyntheticNews.SOURCES, span);
    work = TrialStore.copy(corpus);
    store = StoryCorpus.await(SqliteStore.open(vertx, work, 2, InstantSource.system()));
    StoryCorpus.await(store.categorize(CorpusCategories.VERSION, CorpusCategories::of));
  }

  /** One operation on one store; returns how many entries or reads it did. */
  private interface Operation {
    int run(FlatnessRatio side) throws Exception;
  }

  /** Wall-clock and store-thread CPU nanoseconds of one operation, per entry or read. */
  private static double[] measure(Operation op, FlatnessRatio side) throws Exception {
    long cpu = storeCpuNanos();
    long start = System.nanoTime();
    int count = op.run(side);
    long wall = System.nanoTime() - start;
    return new double[] {wall / (double) count, (storeCpuNanos() - cpu) / (double) count};
  }

  private static long storeCpuNanos() {
    long total = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("bantin-store-")) {
        total += Math.max(0, THREADS.getThreadCpuTime(thread.getId()));
      }
    }
    return total;
  }

  public static void main(String[] args) throws Exception {
    long small = Long.parseLong(args[0]);
    long large = Long.parseLong(args[1]);
    int rounds = Integer.parseInt(args[2]);
    Duration largeSpan = args.length > 3 ? Duration.ofDays(Long.parseLong(args[3]))
        : SyntheticNews.SPAN;
    Map<String, Operation> operations = new LinkedHashMap<>();
    operations.put("newStory", FlatnessRatio::newStories);
    operations.put("knownLinkFromOtherSource", FlatnessRatio::knownLinks);
    operations.put("batchOf50New", FlatnessRatio::batchOf50);
    operations.put("wideCategory", s -> s.reads(CorpusCategories.ALL));
    operations.put("keywordCategory", s -> s.reads(CorpusCategories.PLACE));
    operations.put("sourceCategory", s -> s.reads(CorpusCategories.ONE_SOURCE));
    Vertx vertx = Vertx.vertx();
    FlatnessRatio a = new FlatnessRatio(vertx, small, SyntheticNews.SPAN);
    FlatnessRatio b = new FlatnessRatio(vertx, large, largeSpan);
    // [wall, cpu][small, large][round]
    Map<String, double[][][]> times = new LinkedHashMap<>();
    operations.keySet().forEach(name -> times.put(name, new double[2][2][rounds]));
    try {
      // Two rounds of warm-up, not recorded: JIT, page caches.
      for (int r = -2; r < rounds; r++) {
        for (Map.Entry<String, Operation> op : operations.entrySet()) {
          boolean smallFirst = (r & 1) == 0;
          double[] first = measure(op.getValue(), smallFirst ? a : b);
          double[] second = measure(op.getValue(), smallFirst ? b : a);
          for (int kind = 0; r >= 0 && kind < 2; kind++) {
            times.get(op.getKey())[kind][0][r] = smallFirst ? first[kind] : second[kind];
            times.get(op.getKey())[kind][1][r] = smallFirst ? second[kind] : first[kind];
          }
        }
        a.removeIngested();
        b.removeIngested();
        System.out.printf("round %d done%n", r);
      }
    } finally {
      a.close();
      b.close();
      StoryCorpus.await(vertx.close());
    }
    for (int kind = 0; kind < 2; kind++) {
      System.out.printf(Locale.ROOT, "%n%-26s %12s %12s %8s %16s%n",
          kind == 0 ? "wall us per entry/read" : "store CPU us per entry/read",
          small + " med", large + " med", "ratio", "[min, max]");
      for (Map.Entry<String, double[][][]> t : times.entrySet()) {
        double[][] both = t.getValue()[kind];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          ratios[r] = both[1][r] / both[0][r];
        }
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "%-26s %12.1f %12.1f %8.2f [%5.2f, %5.2f]%n",
            t.getKey(), median(both[0]) / 1e3, median(both[1]) / 1e3, median(ratios),
            ratios[0], ratios[rounds - 1]);
      }
    }
  }

  private int newStories() throws Exception {
    for (int i = 0; i < SINGLES; i++) {
      expect(ingest(List.of(fresh())).newStories() == 1);
    }
    return SINGLES;
  }

  private int knownLinks() throws Exception {
    for (int i = 0; i < SINGLES; i++) {
      long stored = random.nextLong(corpus.entries);
      Entry entry = SyntheticNews.withLink(SOURCE, nextKey(),
          SyntheticNews.otherFormOfStoredLink(stored, corpus.stories), random.nextLong(),
          corpus.span);
      expect(ingest(List.of(entry)).joined() == 1);
    }
    return SINGLES;
  }

  private int batchOf50() throws Exception {
    List<Entry> entries = new ArrayList<>(50);
    for (int i = 0; i < 50; i++) {
      entries.add(fresh());
    }
    expect(ingest(entries).newStories() == 50);
    return 50;
  }

  private int reads(String category) throws Exception {
    for (int i = 0; i < READS; i++) {
      expect(StoryCorpus.await(store.stories(category, 100, null)).size() == 100);
    }
    return READS;
  }

  private IngestResult ingest(List<Entry> entries) throws Exception {
    return StoryCorpus.await(store.ingest(StoryCorpus.polled(SOURCE), entries));
  }

  /** A new story published at a random instant of the corpus's span. */
  private Entry fresh() {
    return SyntheticNews.fresh(SOURCE, nextKey(), random.nextLong(), corpus.span);
  }

  private String nextKey() {
    return run + "-" + counter++;
  }

  private void removeIngested() throws Exception {
    TrialStore.removeSources(work, SOURCE_PREFIX);
  }

  private void close() throws Exception {
    StoryCorpus.await(store.close());
    TrialStore.deleteTree(work);
  }

  private static void expect(boolean ok) {
    if (!ok) {
      throw new IllegalStateException("ingest or read took another path than the one measured");
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
