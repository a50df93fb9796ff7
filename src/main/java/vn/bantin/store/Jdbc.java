package vn.bantin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;

/** JDBC plumbing shared by the SQLite store's classes: transactions and instant columns. */
final class Jdbc {

  /** Work done with a connection inside a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private Jdbc() {}

  /**
   * Runs {@code work} in one transaction on a connection in auto-commit mode: committed when it
   * returns, rolled back when it throws. {@code BEGIN IMMEDIATE} takes the write lock up front,
   * so a writer never fails half-way on a lock upgrade (SQLite "BEGIN TRANSACTION", section 2).
   */
  static <T> T inTransaction(Connection connection, boolean write, Work<T> work)
      throws SQLException {
    execute(connection, write ? "BEGIN IMMEDIATE" : "BEGIN");
    T result;
    try {
      result = work.run(connection);
    } catch (SQLException | RuntimeException | Error e) {
      try {
        execute(connection, "ROLLBACK");
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    }
    execute(connection, "COMMIT");
    return result;
  }

  static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  static void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setLong(index, instant.toEpochMilli());
    }
  }

  /** The instant in {@code column}, or {@code null} when it is SQL NULL. */
  static Instant getInstant(ResultSet rows, String column) throws SQLException {
    long millis = rows.getLong(column);
    return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  static Integer getInteger(ResultSet rows, String column) throws SQLException {
    int value = rows.getInt(column);
    return rows.wasNull() ? null : value;
  }
}
