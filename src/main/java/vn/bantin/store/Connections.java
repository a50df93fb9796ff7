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
   * WAL pages after which a commit checkpoints, instead of SQLite's 1000 (4 MiB). A checkpoint
   * copies the WAL into the database and fsyncs both; on this project's machines an fsync costs
   * 5 to 50 ms, and with 1000 pages a poll of one new story (about 25 dirty pages) paid for one
   * every 40 commits. At 8192 (32 MiB) they come eight times rarer, and a page rewritten by many
   * commits (index roots, the newest leaves) is copied once per checkpoint, not once per commit
   * group. Durability is unchanged against a crash of the process (the WAL is in the file system
   * at every commit); with synchronous=NORMAL, a power loss may lose the commits since the last
   * checkpoint, now up to 32 MiB of them instead of 4 (SQLite "Write-Ahead Logging", section
   * "Automatic Checkpoint").
   */
  static final int WAL_AUTOCHECKPOINT_PAGES = 8192;
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
      Jdbc.execute(connection, "PRAGMA wal_autocheckpoint = " + WAL_AUTOCHECKPOINT_PAGES);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
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
