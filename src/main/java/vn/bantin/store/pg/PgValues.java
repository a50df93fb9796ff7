package vn.bantin.store.pg;

import io.vertx.sqlclient.Row;
import java.time.Instant;

/** Instants as the schema keeps them: BIGINT milliseconds since the epoch, null for none. */
final class PgValues {

  private PgValues() {}

  static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  /** The instant in {@code column}, or {@code null} when it is SQL NULL. */
  static Instant instant(Row row, String column) {
    Long millis = row.getLong(column);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
