package vn.bantin.bench;

import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.InstantSource;
import vn.bantin.store.SqliteStore;

/**
 * How long {@link SqliteStore#categorize} takes to rebuild every membership of a corpus (as after
 * a change of the category rules), in wall-clock time and the store threads' CPU time, with the
 * corpus's own cheap rules, so that the figure is the store's work. Arguments: {@code stories
 * [rounds]}; works on a copy.
 */
public final class RebuildTiming {

  private RebuildTiming() {}

  public static void main(String[] args) throws Exception {
    long stories = Long.parseLong(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Vertx vertx = Vertx.vertx();
    StoryCorpus corpus = StoryCorpus.prepare(vertx, stories);
    Path work = TrialStore.copy(corpus);
    SqliteStore store = StoryCorpus.await(SqliteStore.open(vertx, work, 1, InstantSource.system()));
    try {
      for (int r = 0; r < rounds; r++) {
        long cpu = storeCpu(threads);
        long start = System.nanoTime();
        boolean rebuilt = StoryCorpus.await(store.categorize("rebuild-" + r, CorpusCategories::of));
        System.out.printf("rebuild %d of %d stories: %b, %.1f s wall, %.1f s store CPU%n", r,
            stories, rebuilt, (System.nanoTime() - start) / 1e9, (storeCpu(threads) - cpu) / 1e9);
      }
    } finally {
      StoryCorpus.await(store.close());
      StoryCorpus.await(vertx.close());
      TrialStore.deleteTree(work);
    }
  }

  private static long storeCpu(ThreadMXBean threads) {
    long total = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("bantin-store-")) {
        total += Math.max(0, threads.getThreadCpuTime(thread.getId()));
      }
    }
    return total;
  }
}
