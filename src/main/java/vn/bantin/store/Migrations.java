package vn.bantin.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Brings a SQLite database to the current schema by applying the versioned scripts under {@code
 * db/sqlite/} that it has not seen yet, in order, each in its own transaction together with its
 * {@code schema_version} row. A script is never edited once released: a change is a new script.
 * Foreign keys are off while the scripts run, so that a script can rebuild a table others refer
 * to (SQLite "ALTER TABLE", section 7: dropping the old table deletes nothing that refers to it);
 * each script's test checks that it leaves every reference whole.
 * Upgrading a database that holds data is logged, before and after: some scripts rewrite tables,
 * which takes seconds per hundred thousand stories while the server is not serving yet.
 */
final class Migrations {
  private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

  /** Every script, oldest first; {@code V<n>__<what>.sql} is schema version n. */
  static final List<String> SCRIPTS = List.of("V1__init.sql", "V2__near_duplicates.sql",
      "V3__category_membership.sql", "V4__compact_bands.sql",
      "V5__bands_in_memory.sql", "V6__memberships_by_story.sql",
      "V7__title_keys_in_memory.sql", "V8__stories_by_rowid.sql",
      "V9__story_ids_unindexed.sql");

  private static final String DIRECTORY = "/db/sqlite/";

  private Migrations() {}

  /**
   * Applies the missing migrations on {@code connection} (auto-commit mode).
   *
   * @return the versions applied now, empty when the schema was current
   * @throws SQLException when a script fails (its transaction is rolled back) or the database is
   *     newer than this program
   */
  static List<Integer> apply(Connection connection, InstantSource clock) throws SQLException {
    return apply(connection, clock, SCRIPTS.size());
  }

  /** Applies the missing migrations up to version {@code last}; for tests of an upgrade. */
  static List<Integer> apply(Connection connection, InstantSource clock, int last)
      throws SQLException {
    Jdbc.execute(connection, "CREATE TABLE IF NOT EXISTS schema_version ("
        + "version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at INTEGER NOT NULL)");
    int current = currentVersion(connection);
    if (current > SCRIPTS.size()) {
      throw new SQLException("database schema version " + current
          + " is newer than this program knows (" + SCRIPTS.size() + ")");
    }
    List<Integer> applied = new ArrayList<>();
    boolean upgrade = current > 0 && current < last;
    long started = System.nanoTime();
    if (upgrade) {
      LOG.info("upgrading the database from schema " + current + " to " + last
          + " (a rewrite of large tables can take a while)");
    }
    boolean foreignKeys = foreignKeys(connection);
    Jdbc.execute(connection, "PRAGMA foreign_keys = OFF");
    try {
      for (int version = current + 1; version <= last; version++) {
        applyOne(connection, clock, version);
        applied.add(version);
      }
    } finally {
      Jdbc.execute(connection, "PRAGMA foreign_keys = " + (foreignKeys ? "ON" : "OFF"));
    }
    if (upgrade) {
      LOG.info(String.format("database at schema %d after %.1f s", last,
          (System.nanoTime() - started) / 1e9));
    }
    return applied;
  }

  private static void applyOne(Connection connection, InstantSource clock, int version)
      throws SQLException {
    String script = SCRIPTS.get(version - 1);
    Jdbc.inTransaction(connection, true, c -> {
      for (String statement : statements(read(script))) {
        Jdbc.execute(c, statement);
      }
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
        insert.setInt(1, version);
        insert.setString(2, script);
        insert.setLong(3, clock.millis());
        insert.executeUpdate();
      }
      return null;
    });
  }

  private static boolean foreignKeys(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("PRAGMA foreign_keys");
        ResultSet rows = query.executeQuery()) {
      return rows.next() && rows.getInt(1) == 1;
    }
  }

  static int currentVersion(Connection connection) throws SQLException {
    try (PreparedStatement query =
            connection.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM schema_version");
        ResultSet rows = query.executeQuery()) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }

  /** The number in a script's name: {@code V12__x.sql} is 12. */
  static int versionOf(String script) {
    return Integer.parseInt(script.substring(1, script.indexOf("__")));
  }

  /**
   * Splits a script into statements: a statement ends with a semicolon at the end of a line, and
   * {@code --} comment lines are skipped. Scripts are written to that rule (no triggers).
   */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        statements.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }

  private static String read(String script) {
    try (InputStream in = Migrations.class.getResourceAsStream(DIRECTORY + script)) {
      if (in == null) {
        throw new IllegalStateException("missing migration resource " + DIRECTORY + script);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
