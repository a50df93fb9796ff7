package vn.bantin.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;
import vn.bantin.store.SqliteStore;

/**
 * The throw-away copy of a {@link StoryCorpus} that one JMH trial writes to, and the clean-up that
 * takes it back to the corpus after each iteration, so the store does not grow with the run.
 */
final class TrialStore {

  private TrialStore() {}

  /** A fresh copy of {@code corpus} in {@code bench/data/work-N/}, replacing an earlier one. */
  static Path copy(StoryCorpus corpus) throws IOException {
    Path work = StoryCorpus.DATA.resolve("work-" + corpus.stories);
    deleteTree(work);
    Files.createDirectories(work);
    try (Stream<Path> files = Files.list(corpus.dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString()
          .startsWith(SqliteStore.DATABASE_FILE)).toList()) {
        Path copy = work.resolve(file.getFileName());
        Files.copy(file, copy);
        // Otherwise the kernel writes the copy back (1.6 GB for 1M stories) while JMH measures.
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
      }
    }
    return work;
  }

  /**
   * Deletes what the sources whose id starts with {@code prefix} added to the store in {@code
   * storeDir}: their entries and the stories they started, whose dependent rows cascade. The
   * store may stay open: SQLite's busy timeout waits for its writer, which is idle between calls.
   * An open store's near-duplicate index keeps the deleted entries' bands; its lookups read
   * every entry they name back and drop what is gone, so decisions are unchanged.
   */
  static void removeSources(Path storeDir, String prefix) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    config.setBusyTimeout(5_000);
    String url = "jdbc:sqlite:" + storeDir.resolve(SqliteStore.DATABASE_FILE).toAbsolutePath();
    // Every id with the prefix sorts in [prefix, upper): a range on the primary key, not a scan.
    String upper = prefix.substring(0, prefix.length() - 1)
        + (char) (prefix.charAt(prefix.length() - 1) + 1);
    try (Connection connection = config.createConnection(url);
        PreparedStatement stories = connection.prepareStatement("DELETE FROM stories"
            + " WHERE rid IN (SELECT story_rid FROM entries WHERE source_id >= ? AND source_id < ?)"
            + " AND first_source_id >= ? AND first_source_id < ?");
        PreparedStatement entries = connection.prepareStatement(
            "DELETE FROM entries WHERE source_id >= ? AND source_id < ?")) {
      for (int p = 1; p <= 3; p += 2) {
        stories.setString(p, prefix);
        stories.setString(p + 1, upper);
      }
      stories.executeUpdate();
      entries.setString(1, prefix);
      entries.setString(2, upper);
      entries.executeUpdate();
    }
  }

  /** Deletes {@code root} and everything under it, if it exists. */
  static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
