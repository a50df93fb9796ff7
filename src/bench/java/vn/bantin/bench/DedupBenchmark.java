package vn.bantin.bench;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import vn.bantin.model.Entry;
import vn.bantin.store.IngestResult;
import vn.bantin.store.SqliteStore;

/**
 * The cost per entry of {@link SqliteStore#ingest}, which decides whether an entry is a known
 * story (by indexed lookups only, DESIGN "story") and stores it, with 10 thousand and 1 million
 * stories stored. Whatever ingest does is measured, including rule 4 and category memberships. The
 * figure that matters is the ratio of the two sizes in one run: it should stay near 1.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DedupBenchmark {

  /** Every source the benchmark ingests as; none of the corpus's sources has this prefix. */
  private static final String SOURCE_PREFIX = "bench-";
  private static final String SOURCE = SOURCE_PREFIX + "nguon-moi";

  @Param({"10000", "1000000"})
  public int storedStories;

  private Vertx vertx;
  private StoryCorpus corpus;
  private Path work;
  private SqliteStore store;
  private SplittableRandom random;
  private String run;
  private long counter;

  @Setup(Level.Trial)
  public void open() throws Exception {
    vertx = Vertx.vertx();
    corpus = StoryCorpus.prepare(vertx, storedStories);
    work = TrialStore.copy(corpus);
    store = StoryCorpus.await(SqliteStore.open(vertx, work, 2, InstantSource.system()));
    // The corpus's rules (no rebuild): ingest keeps category memberships, as in the server.
    StoryCorpus.await(store.categorize(CorpusCategories.VERSION, CorpusCategories::of));
    random = new SplittableRandom();
    // Keys of this run differ from every earlier run's, should a clean-up have been missed.
    run = Long.toString(System.currentTimeMillis(), 36);
  }

  /** Takes the store back to the corpus, so it holds N stories at the start of each iteration. */
  @TearDown(Level.Iteration)
  public void removeIngested() throws Exception {
    TrialStore.removeSources(work, SOURCE_PREFIX);
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    StoryCorpus.await(store.close());
    StoryCorpus.await(vertx.close());
    TrialStore.deleteTree(work);
  }

  /** A brand-new story: rules 1, 2 and 3 all miss, then the story and entry are inserted. */
  @Benchmark
  public IngestResult newStory() throws Exception {
    IngestResult result = ingest(List.of(freshEntry()));
    return expect(result, result.newStories() == 1, "one new story");
  }

  /**
   * The link of a stored story printed by another source as http, without www and with utm
   * parameters: rule 1 misses, rule 2 (canonical link) finds the story and the entry joins it.
   */
  @Benchmark
  public IngestResult knownLinkFromOtherSource() throws Exception {
    long stored = random.nextLong(corpus.entries);
    Entry entry = SyntheticNews.withLink(SOURCE, nextKey(),
        SyntheticNews.otherFormOfStoredLink(stored, corpus.stories), random.nextLong(),
        corpus.span);
    IngestResult result = ingest(List.of(entry));
    return expect(result, result.joined() == 1, "one joined entry");
  }

  /** One poll bringing 50 new stories, in one ingest call; the score is per entry. */
  @Benchmark
  @OperationsPerInvocation(50)
  public IngestResult batchOf50New() throws Exception {
    List<Entry> entries = new ArrayList<>(50);
    for (int i = 0; i < 50; i++) {
      entries.add(freshEntry());
    }
    IngestResult result = ingest(entries);
    return expect(result, result.newStories() == 50, "50 new stories");
  }

  private Entry freshEntry() {
    return SyntheticNews.fresh(SOURCE, nextKey(), random.nextLong(), corpus.span);
  }

  private String nextKey() {
    return run + "-" + counter++;
  }

  private IngestResult ingest(List<Entry> entries) throws Exception {
    return StoryCorpus.await(store.ingest(StoryCorpus.polled(SOURCE), entries));
  }

  /** Fails the run when ingest took another path than the one measured. */
  private static IngestResult expect(IngestResult result, boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("expected " + what + ", ingest did " + result);
    }
    return result;
  }
}
