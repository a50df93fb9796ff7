package vn.bantin.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.bantin.config.SourceConfig;
import vn.bantin.model.SourceState;

/** Reads and writes the {@code sources} table: configured titles and URLs, polling state. */
final class PgSources {

  private static final String UPSERT_STATE = """
      INSERT INTO sources (id, url, etag, last_modified, next_poll, failures, last_fetch,
          last_status, last_error, error_code, gone, state_saved)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
      ON CONFLICT (id) DO UPDATE SET url = excluded.url, %s next_poll = excluded.next_poll,
          failures = excluded.failures, last_fetch = excluded.last_fetch,
          last_status = excluded.last_status, last_error = excluded.last_error,
          error_code = excluded.error_code, gone = excluded.gone,
          state_saved = excluded.state_saved
      """;
  private static final String WITH_VALIDATORS = UPSERT_STATE.formatted(
      "etag = excluded.etag, last_modified = excluded.last_modified,");
  private static final String WITHOUT_VALIDATORS = UPSERT_STATE.formatted("");

  // A changed configured URL makes the stored redirect target, validators and 410 meaningless:
  // the admin pointed the source elsewhere, so polling starts afresh from the new URL, at once.
  private static final String URL_CHANGED = "sources.configured_url IS NOT NULL"
      + " AND sources.configured_url IS DISTINCT FROM excluded.configured_url";
  private static final String UPSERT_CONFIG = """
      INSERT INTO sources (id, title, configured_url) VALUES ($1, $2, $3)
      ON CONFLICT (id) DO UPDATE SET title = excluded.title,
          configured_url = excluded.configured_url,
          url = CASE WHEN %1$s THEN NULL ELSE sources.url END,
          etag = CASE WHEN %1$s THEN NULL ELSE sources.etag END,
          last_modified = CASE WHEN %1$s THEN NULL ELSE sources.last_modified END,
          gone = CASE WHEN %1$s THEN FALSE ELSE sources.gone END,
          next_poll = CASE WHEN %1$s THEN NULL ELSE sources.next_poll END
      """.formatted(URL_CHANGED);

  private PgSources() {}

  /**
   * Inserts or updates the state of {@code state.sourceId()}. With {@code withValidators} false
   * the stored ETag and Last-Modified are left as they are (null for a new row).
   */
  static Future<Void> save(SqlClient client, SourceState state, boolean withValidators,
      Instant now) {
    Tuple row = Tuple.tuple()
        .addString(state.sourceId())
        .addString(state.url())
        .addString(withValidators ? state.etag() : null)
        .addString(withValidators ? state.lastModified() : null)
        .addLong(PgValues.millis(state.nextPoll()))
        .addInteger(state.failures())
        .addLong(PgValues.millis(state.lastFetch()))
        .addInteger(state.lastStatus())
        .addString(state.lastError())
        .addString(state.errorCode())
        .addBoolean(state.gone())
        .addLong(now.toEpochMilli());
    return client.preparedQuery(withValidators ? WITH_VALIDATORS : WITHOUT_VALIDATORS)
        .execute(row).mapEmpty();
  }

  /** Inserts or updates the configured title and URL of each source, in one batch. */
  static Future<Void> sync(SqlClient client, List<SourceConfig> sources) {
    if (sources.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = sources.stream()
        .map(s -> Tuple.of(s.id(), s.title(), s.url()))
        .toList();
    return client.preparedQuery(UPSERT_CONFIG).executeBatch(rows).mapEmpty();
  }

  /** The state of every source whose state was ever saved, by id. */
  static Future<Map<String, SourceState>> all(SqlClient client) {
    return client.query("SELECT id, url, etag, last_modified, next_poll, failures, last_fetch,"
            + " last_status, last_error, error_code, gone FROM sources"
            + " WHERE state_saved IS NOT NULL ORDER BY id").execute()
        .map(rows -> {
          Map<String, SourceState> states = new LinkedHashMap<>();
          for (Row row : rows) {
            SourceState state = state(row);
            states.put(state.sourceId(), state);
          }
          return states;
        });
  }

  /** The state in a row of the state columns (a never-polled source's is the initial one). */
  static SourceState state(Row row) {
    return new SourceState(row.getString("id"), row.getString("url"),
        row.getString("etag"), row.getString("last_modified"),
        PgValues.instant(row, "next_poll"), row.getInteger("failures"),
        PgValues.instant(row, "last_fetch"), row.getInteger("last_status"),
        row.getString("last_error"), row.getString("error_code"),
        row.getBoolean("gone"));
  }

  /** How many entries each source has stored, by id; sources without entries are absent. */
  static Future<Map<String, Long>> entryCounts(SqlClient client) {
    return client.query("SELECT source_id, COUNT(*) FROM entries GROUP BY source_id"
            + " ORDER BY source_id").execute()
        .map(rows -> {
          Map<String, Long> counts = new LinkedHashMap<>();
          for (Row row : rows) {
            counts.put(row.getString(0), row.getLong(1));
          }
          return counts;
        });
  }
}
