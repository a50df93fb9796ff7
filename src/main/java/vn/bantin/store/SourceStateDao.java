package vn.bantin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.bantin.config.SourceConfig;
import vn.bantin.model.SourceState;

/** Reads and writes the {@code sources} table: configured titles and URLs, polling state. */
final class SourceStateDao {

  private static final String UPSERT_STATE = """
      INSERT INTO sources (id, url, etag, last_modified, next_poll, failures, last_fetch,
          last_status, last_error, error_code, gone, state_saved)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET url = excluded.url, %s next_poll = excluded.next_poll,
          failures = excluded.failures, last_fetch = excluded.last_fetch,
          last_status = excluded.last_status, last_error = excluded.last_error,
          error_code = excluded.error_code, gone = excluded.gone,
          state_saved = excluded.state_saved
      """;
  private static final String WITH_VALIDATORS = UPSERT_STATE.formatted(
      "etag = excluded.etag, last_modified = excluded.last_modified,");
  private static final String WITHOUT_VALIDATORS = UPSERT_STATE.formatted("");

  // Every poll after the first finds its row: an UPDATE by the key is one seek, where the upsert
  // first builds a row to insert and finds the conflict. Same columns, in the upsert's order.
  private static final String UPDATE_STATE = """
      UPDATE sources SET url = ?, %s next_poll = ?, failures = ?, last_fetch = ?,
          last_status = ?, last_error = ?, error_code = ?, gone = ?, state_saved = ?
      WHERE id = ?
      """;
  private static final String UPDATE_WITH_VALIDATORS =
      UPDATE_STATE.formatted("etag = ?, last_modified = ?,");
  private static final String UPDATE_WITHOUT_VALIDATORS = UPDATE_STATE.formatted("");

  // Held-back poll times (PollTimes): written only over older ones, so that they never undo a
  // state written whole after them; the rest of the row is what was last written whole.
  private static final String UPDATE_TIMES = """
      UPDATE sources SET next_poll = ?, last_fetch = ?, state_saved = ?
      WHERE id = ? AND (last_fetch IS NULL OR last_fetch < ?)
      """;

  // A changed configured URL makes the stored redirect target, validators and 410 meaningless:
  // the admin pointed the source elsewhere, so polling starts afresh from the new URL.
  private static final String URL_CHANGED =
      "configured_url IS NOT NULL AND configured_url IS NOT excluded.configured_url";
  private static final String UPSERT_CONFIG = """
      INSERT INTO sources (id, title, configured_url) VALUES (?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET title = excluded.title,
          configured_url = excluded.configured_url,
          url = CASE WHEN %1$s THEN NULL ELSE url END,
          etag = CASE WHEN %1$s THEN NULL ELSE etag END,
          last_modified = CASE WHEN %1$s THEN NULL ELSE last_modified END,
          gone = CASE WHEN %1$s THEN 0 ELSE gone END
      """.formatted(URL_CHANGED);

  private SourceStateDao() {}

  /**
   * Inserts or updates the state of {@code state.sourceId()}. With {@code withValidators} false
   * the stored ETag and Last-Modified are left as they are (null for a new row).
   */
  static void save(StatementCache statements, SourceState state, boolean withValidators,
      Instant now) throws SQLException {
    if (update(statements, state, withValidators, now) == 0) {
      insert(statements, state, withValidators, now);
    }
  }

  private static int update(StatementCache statements, SourceState state, boolean withValidators,
      Instant now) throws SQLException {
    PreparedStatement update = statements.get(
        withValidators ? UPDATE_WITH_VALIDATORS : UPDATE_WITHOUT_VALIDATORS);
    int i = 1;
    update.setString(i++, state.url());
    if (withValidators) {
      update.setString(i++, state.etag());
      update.setString(i++, state.lastModified());
    }
    Jdbc.setInstant(update, i++, state.nextPoll());
    update.setInt(i++, state.failures());
    Jdbc.setInstant(update, i++, state.lastFetch());
    update.setObject(i++, state.lastStatus());
    update.setString(i++, state.lastError());
    update.setString(i++, state.errorCode());
    update.setInt(i++, state.gone() ? 1 : 0);
    Jdbc.setInstant(update, i++, now);
    update.setString(i, state.sourceId());
    return update.executeUpdate();
  }

  /**
   * Writes the poll times of {@code state} (next poll, last fetch) over older ones of its row;
   * nothing when the row is gone or holds a later fetch.
   */
  static void saveTimes(StatementCache statements, SourceState state, Instant now)
      throws SQLException {
    PreparedStatement update = statements.get(UPDATE_TIMES);
    Jdbc.setInstant(update, 1, state.nextPoll());
    Jdbc.setInstant(update, 2, state.lastFetch());
    Jdbc.setInstant(update, 3, now);
    update.setString(4, state.sourceId());
    Jdbc.setInstant(update, 5, state.lastFetch());
    update.executeUpdate();
  }

  /** The state of a source without a row yet (its configuration was never synced). */
  private static void insert(StatementCache statements, SourceState state, boolean withValidators,
      Instant now) throws SQLException {
    PreparedStatement upsert =
        statements.get(withValidators ? WITH_VALIDATORS : WITHOUT_VALIDATORS);
    upsert.setString(1, state.sourceId());
    upsert.setString(2, state.url());
    upsert.setString(3, withValidators ? state.etag() : null);
    upsert.setString(4, withValidators ? state.lastModified() : null);
    Jdbc.setInstant(upsert, 5, state.nextPoll());
    upsert.setInt(6, state.failures());
    Jdbc.setInstant(upsert, 7, state.lastFetch());
    upsert.setObject(8, state.lastStatus());
    upsert.setString(9, state.lastError());
    upsert.setString(10, state.errorCode());
    upsert.setInt(11, state.gone() ? 1 : 0);
    Jdbc.setInstant(upsert, 12, now);
    upsert.executeUpdate();
  }

  /** Inserts or updates the configured title and URL of each source, in one batch. */
  static void sync(Connection connection, List<SourceConfig> sources) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT_CONFIG)) {
      for (SourceConfig source : sources) {
        upsert.setString(1, source.id());
        upsert.setString(2, source.title());
        upsert.setString(3, source.url());
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }

  /** The state of every source whose state was ever saved, by id. */
  static Map<String, SourceState> all(Connection connection) throws SQLException {
    Map<String, SourceState> states = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement(
            "SELECT * FROM sources WHERE state_saved IS NOT NULL ORDER BY id");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        SourceState state = new SourceState(
            rows.getString("id"),
            rows.getString("url"),
            rows.getString("etag"),
            rows.getString("last_modified"),
            Jdbc.getInstant(rows, "next_poll"),
            rows.getInt("failures"),
            Jdbc.getInstant(rows, "last_fetch"),
            Jdbc.getInteger(rows, "last_status"),
            rows.getString("last_error"),
            rows.getString("error_code"),
            rows.getInt("gone") != 0);
        states.put(state.sourceId(), state);
      }
    }
    return states;
  }

  /** How many entries each source has stored, by id; sources without entries are absent. */
  static Map<String, Long> entryCounts(Connection connection) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement(
            "SELECT source_id, COUNT(*) FROM entries GROUP BY source_id ORDER BY source_id");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        counts.put(rows.getString(1), rows.getLong(2));
      }
    }
    return counts;
  }
}
