package vn.bantin.bench;

import io.vertx.core.Vertx;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import vn.bantin.model.Story;
import vn.bantin.store.SqliteStore;

/**
 * What a cache miss of a category feed reads from the store, {@code stories(category, 100,
 * null)}, with 10 thousand and 1 million stories stored: the ratio of the two sizes should stay
 * near 1, since it is one index range plus one query for the 100 stories' sources. Reads only,
 * so it works on the corpus itself.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CategoryBenchmark {

  private static final int PAGE = 100;

  @Param({"10000", "1000000"})
  public int storedStories;

  private Vertx vertx;
  private SqliteStore store;

  @Setup(Level.Trial)
  public void open() throws Exception {
    vertx = Vertx.vertx();
    StoryCorpus corpus = StoryCorpus.prepare(vertx, storedStories);
    store = StoryCorpus.await(SqliteStore.open(vertx, corpus.dir, 2, InstantSource.system()));
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    StoryCorpus.await(store.close());
    StoryCorpus.await(vertx.close());
  }

  /** The newest 100 of the category holding every story. */
  @Benchmark
  public List<Story> wideCategory() throws Exception {
    return page(CorpusCategories.ALL);
  }

  /** The newest 100 of a category holding ~6% of the stories (titles naming a province). */
  @Benchmark
  public List<Story> keywordCategory() throws Exception {
    return page(CorpusCategories.PLACE);
  }

  /** The newest 100 of a category holding one source's stories (1%). */
  @Benchmark
  public List<Story> sourceCategory() throws Exception {
    return page(CorpusCategories.ONE_SOURCE);
  }

  private List<Story> page(String category) throws Exception {
    List<Story> stories = StoryCorpus.await(store.stories(category, PAGE, null));
    if (stories.size() != PAGE || stories.get(0).sources().isEmpty()) {
      throw new IllegalStateException(category + ": expected " + PAGE + " stories with sources,"
          + " got " + stories.size());
    }
    return stories;
  }
}
