package vn.bantin.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What PostgreSQL spent its time on during the measured cycles of {@link SharedPollBench}
 * ({@code PG_STATS=1 bench/poll-shared.sh}): pg_stat_statements, reset after the warm-up, its
 * statements by total time (planning included) as a Markdown table.
 */
final class PgStatements {
  private static final int SHOWN = 15;
  private static final int SHOWN_QUERY_CHARS = 110;

  private PgStatements() {}

  static void reset(EmbeddedPostgres postgres) throws SQLException {
    try (Connection c = postgres.getDatabase("postgres", "bantin").getConnection();
        Statement s = c.createStatement()) {
      s.execute("SELECT pg_stat_statements_reset()");
    }
  }

  static void report(EmbeddedPostgres postgres, StringBuilder report) throws SQLException {
    try (Connection c = postgres.getDatabase("postgres", "bantin").getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT query, calls, plans,"
            + " total_exec_time, total_plan_time, rows, shared_blks_hit + shared_blks_read"
            + " FROM pg_stat_statements"
            + " ORDER BY total_exec_time + total_plan_time DESC")) {
      StringBuilder table = new StringBuilder();
      double allMs = 0;
      int shown = 0;
      while (rows.next()) {
        double execMs = rows.getDouble(4);
        double planMs = rows.getDouble(5);
        allMs += execMs + planMs;
        if (shown++ < SHOWN) {
          String query = rows.getString(1).replaceAll("\\s+", " ").replace("|", "\\|");
          long calls = rows.getLong(2);
          table.append("| %.0f | %.0f | %d | %d | %.1f | %.1f | %.1f | `%s` |%n".formatted(
              execMs, planMs, calls, rows.getLong(3), (execMs + planMs) * 1000 / calls,
              (double) rows.getLong(6) / calls, (double) rows.getLong(7) / calls,
              query.length() > SHOWN_QUERY_CHARS
                  ? query.substring(0, SHOWN_QUERY_CHARS) + "…" : query));
        }
      }
      report.append("\nPostgreSQL statements of the measured cycles (pg_stat_statements, ")
          .append("%.0f ms in all):%n%n".formatted(allMs))
          .append("| exec ms | plan ms | calls | plans | µs per call | rows per call |"
              + " blocks per call | statement |\n|---|---|---|---|---|---|---|---|\n")
          .append(table).append('\n');
    }
  }
}
