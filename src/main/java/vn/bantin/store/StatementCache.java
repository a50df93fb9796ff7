package vn.bantin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The writer connection's prepared statements, each compiled once and reused by every later
 * transaction. Compiling costs about as much as running a point lookup, and one poll's ingest runs
 * a dozen statements per entry, so compiling them per call was a large share of a small poll.
 * Used by the single writer thread only; a statement is never closed by its user.
 */
final class StatementCache implements AutoCloseable {

  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  StatementCache(Connection connection) {
    this.connection = connection;
  }

  Connection connection() {
    return connection;
  }

  /** The statement for {@code sql}, compiled on first use. */
  PreparedStatement get(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  @Override
  public void close() throws SQLException {
    SQLException first = null;
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    statements.clear();
    if (first != null) {
      throw first;
    }
  }
}
