package vn.bantin.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;
import vn.bantin.model.Entry;
import vn.bantin.model.SourceState;
import vn.bantin.store.IngestResult;
import vn.bantin.store.SqliteStore;

/**
 * A store holding N synthetic stories in {@code bench/data/stories-N/}, populated once through
 * {@link SqliteStore#ingest} and reused while its marker file says it holds N stories made by this
 * generator under the current schema. Benchmarks run on a copy ({@link TrialStore}), so the corpus never changes.
 */
final class StoryCorpus {

  /** Where corpora live; relative to the working directory, which the script sets. */
  static final Path DATA = Path.of(System.getProperty("bantin.bench.data", "bench/data"));
  /** Bump when {@link SyntheticNews} changes what it generates: stored corpora are then rebuilt. */
  private static final String GENERATOR = "2";
  private static final String MARKER = "corpus.properties";

  /** The master directory, never written by benchmarks. */
  final Path dir;
  /** Stored stories. */
  final long stories;
  /** Sources they are spread over. */
  final int sources;
  /** The days they were published over, ending at {@link SyntheticNews#END}. */
  final Duration span;
  /** Generated entries, {@code SyntheticNews.stored(0 .. entries-1, stories, sources, span)}. */
  final long entries;

  private StoryCorpus(Path dir, long stories, int sources, Duration span, long entries) {
    this.dir = dir;
    this.stories = stories;
    this.sources = sources;
    this.span = span;
    this.entries = entries;
  }

  /**
   * Prepares the corpora named on the command line, printing what it does: story counts, each
   * optionally followed by {@code /sources} and {@code /days} ({@code 100000/1000},
   * {@code 1000000/100/6000}; 100 sources over 60 days otherwise).
   */
  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      for (String arg : args) {
        String[] parts = arg.split("/");
        prepare(vertx, Long.parseLong(parts[0]),
            parts.length > 1 ? Integer.parseInt(parts[1]) : SyntheticNews.SOURCES,
            parts.length > 2 ? Duration.ofDays(Long.parseLong(parts[2])) : SyntheticNews.SPAN);
      }
    } finally {
      await(vertx.close());
    }
  }

  /** The corpus of {@code stories} stories over 100 sources and 60 days. */
  static StoryCorpus prepare(Vertx vertx, long stories) throws Exception {
    return prepare(vertx, stories, SyntheticNews.SOURCES, SyntheticNews.SPAN);
  }

  /** The corpus of {@code stories} stories over {@code sources} and 60 days. */
  static StoryCorpus prepare(Vertx vertx, long stories, int sources) throws Exception {
    return prepare(vertx, stories, sources, SyntheticNews.SPAN);
  }

  /**
   * The corpus of {@code stories} stories over {@code sources}, published over {@code span},
   * reused when valid.
   */
  static StoryCorpus prepare(Vertx vertx, long stories, int sources, Duration span)
      throws Exception {
    Path dir = directory(stories, sources, span);
    Properties marker = readMarker(dir);
    if (marker != null && String.valueOf(stories).equals(marker.getProperty("stories"))
        && GENERATOR.equals(marker.getProperty("generator"))) {
      // Opening applies pending migrations; a new schema version means rows lack its data.
      await(await(SqliteStore.open(vertx, dir, 1, InstantSource.system())).close());
      if (schema(dir).equals(marker.getProperty("schema"))) {
        System.out.printf("corpus %s: reusing %d stories%n", dir, stories);
        return new StoryCorpus(dir, stories, sources, span,
            Long.parseLong(marker.getProperty("entries")));
      }
      System.out.printf("corpus %s: schema changed, repopulating%n", dir);
    }
    return populate(vertx, dir, stories, sources, span);
  }

  /**
   * {@code bench/data/stories-N} for 100 sources over 60 days, {@code -sources-M} and
   * {@code -days-D} appended for others.
   */
  static Path directory(long stories, int sources, Duration span) {
    return DATA.resolve("stories-" + stories
        + (sources == SyntheticNews.SOURCES ? "" : "-sources-" + sources)
        + (span.equals(SyntheticNews.SPAN) ? "" : "-days-" + span.toDays()));
  }

  private static StoryCorpus populate(Vertx vertx, Path dir, long stories, int sources,
      Duration span) throws Exception {
    TrialStore.deleteTree(dir);
    Files.createDirectories(dir);
    SqliteStore store = await(SqliteStore.open(vertx, dir, 1, InstantSource.system()));
    // Memberships are maintained while writing, as in the server.
    await(store.categorize(CorpusCategories.VERSION, CorpusCategories::of));
    long started = System.nanoTime();
    long made = 0;
    long next = 0;
    int batch = SyntheticNews.batchSize(stories, sources);
    try {
      while (made < stories) {
        // One ingest is one poll of one source, so a call never crosses a batch boundary.
        long end = Math.min(next + (stories - made), (next / batch + 1) * batch);
        List<Entry> entries = new ArrayList<>((int) (end - next));
        for (long i = next; i < end; i++) {
          entries.add(SyntheticNews.stored(i, stories, sources, span));
        }
        IngestResult result = await(store.ingest(polled(entries.get(0).sourceId()), entries));
        made += result.newStories();
        next = end;
        if (next % 100_000 == 0) {
          System.out.printf("corpus %s: %d stories, %.0f s%n", dir, made, seconds(started));
        }
      }
    } finally {
      await(store.close());
    }
    double seconds = seconds(started);
    System.out.printf("corpus %s: populated %d stories (%d entries) in %.1f s, %.0f stories/s%n",
        dir, made, next, seconds, made / seconds);
    Properties marker = new Properties();
    marker.setProperty("stories", String.valueOf(stories));
    marker.setProperty("sources", String.valueOf(sources));
    marker.setProperty("days", String.valueOf(span.toDays()));
    marker.setProperty("entries", String.valueOf(next));
    marker.setProperty("generator", GENERATOR);
    marker.setProperty("schema", schema(dir));
    marker.setProperty("populateSeconds", "%.1f".formatted(seconds));
    Path temporary = dir.resolve(MARKER + ".tmp");
    try (Writer out = Files.newBufferedWriter(temporary)) {
      marker.store(out, "bantin benchmark corpus; delete the directory to rebuild it");
    }
    Files.move(temporary, dir.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE);
    return new StoryCorpus(dir, stories, sources, span, next);
  }

  /** The state of a source polled just now with a 200 and validators. */
  static SourceState polled(String sourceId) {
    Instant now = Instant.now();
    return new SourceState(sourceId, null, "\"" + Long.toHexString(now.toEpochMilli()) + "\"",
        null, now.plusSeconds(900), 0, now, 200, null, null, false);
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
  }

  private static String schema(Path dir) throws SQLException {
    String url = "jdbc:sqlite:" + dir.resolve(SqliteStore.DATABASE_FILE).toAbsolutePath();
    try (Connection connection = new SQLiteConfig().createConnection(url);
        PreparedStatement query = connection.prepareStatement(
            "SELECT version, script FROM schema_version ORDER BY version");
        ResultSet rows = query.executeQuery()) {
      StringBuilder schema = new StringBuilder();
      while (rows.next()) {
        schema.append(schema.length() > 0 ? "," : "").append(rows.getString(2));
      }
      return schema.toString();
    }
  }

  private static Properties readMarker(Path dir) throws IOException {
    Path file = dir.resolve(MARKER);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Properties marker = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      marker.load(in);
    }
    return marker;
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
