package vn.bantin.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/** Opens the SQLite connections of the store, each configured for its one role. */
final class Connections {

  /** How long a statement waits for a lock, and a read for a free connection. */
  static final int BUSY_TIMEOUT_MILLIS = 5_000;
  /** Page cache of the writer connection, in KiB (a negative cache_size means KiB). */
  private static final int WRITER_CACHE_KIB = 64 * 1024;
  /**
   * WAL pages past which the writer's commit checkpoints itself (SQLite's automatic checkpoint;
   * 1000 pages by default). {@link Checkpoints} copies the WAL on its own thread every thousand
   * or so written entries; this is the backstop for when writes outrun those copies, so that the
   * WAL stays bounded (128 MiB). Durability is unchanged against a crash of the process (the WAL
   * is in the file system at every commit); with synchronous=NORMAL, a power loss may lose the
   * commits since the last checkpoint (SQLite "Write-Ahead Logging", "Automatic Checkpoint").
   */
  static final int BACKSTOP_PAGES = 32_768;
  /**
   * The WAL file is cut back to this many bytes when it starts over after a checkpoint: a burst
   * of writes may grow it towards the backstop, and the disk space would otherwise stay taken.
   */
  static final long WAL_KEPT_BYTES = 32L << 20;
  /** Page cache of each reader connection, in KiB. */
  private static final int READER_CACHE_KIB = 16 * 1024;

  private Connections() {}

  /**
   * The one connection that writes. WAL lets reads proceed during a write; synchronous=NORMAL in
   * WAL mode survives application crashes and only risks the latest commits on power loss (SQLite
   * "Write-Ahead Logging", section "Performance Considerations").
   */
  static Connection writer(Path file) throws SQLException {
    SQLiteConfig config = common();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    // The writer walks several indexes per entry (keys, bands, memberships); with a million
    // stories they outgrow SQLite's 2 MiB default page cache, and every insert would read pages.
    config.setCacheSize(-WRITER_CACHE_KIB);
    Connection connection = config.createConnection(url(file));
    try {
      Jdbc.execute(connection, "PRAGMA wal_autocheckpoint = " + BACKSTOP_PAGES);
      Jdbc.execute(connection, "PRAGMA journal_size_limit = " + WAL_KEPT_BYTES);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  /**
   * The connection {@link Checkpoints} copies the WAL with: read-write, as a checkpoint writes the
   * database file, and synchronous=NORMAL as the writer, so it fsyncs the WAL before the copy and
   * the database after it.
   */
  static Connection checkpointer(Path file) throws SQLException {
    SQLiteConfig config = common();
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    return config.createConnection(url(file));
  }

  /** A read-only connection; WAL mode is a property of the file, set by the writer first. */
  static Connection reader(Path file) throws SQLException {
    SQLiteConfig config = common();
    config.setReadOnly(true);
    config.setCacheSize(-READER_CACHE_KIB);
    return config.createConnection(url(file));
  }

  private static SQLiteConfig common() {
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    // Otherwise sqlite-jdbc follows every INSERT with a new statement compiling and running
    // "SELECT last_insert_rowid()", for Statement.getGeneratedKeys, which the store never calls
    // (StoryWriter asks for the one id it needs itself): five compilations per new story.
    config.setGetGeneratedKeys(false);
    return config;
  }

  private static String url(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath();
  }
}
