package vn.bantin.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.store.StoreFixture.CLOCK;
import static vn.bantin.store.StoreFixture.await;

import io.vertx.core.Vertx;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.bantin.store.StoreFixture;

/** Upgrades of a PostgreSQL database holding data, one schema version at a time. */
class PgMigrationsTest {
  private static final EmbeddedDatabases DATABASES = EmbeddedDatabases.shared();

  private final Vertx vertx = StoreFixture.vertx();

  @AfterEach
  void close() throws Exception {
    await(vertx.close());
  }

  @Test
  void version5MovesEveryEntrysBandsIntoItsRowAsTheKeysOfItsPeriod() throws Exception {
    String url = DATABASES.newDatabase();
    // published: a period's first instant, the one before it, before 1970, and an ordinary day.
    Map<String, Long> published = Map.of("a", 3360 * BandKeys.PERIOD_MILLIS,
        "b", 3360 * BandKeys.PERIOD_MILLIS - 1, "c", -1L, "d", 1_741_593_600_000L);
    long[] bands = {Long.MIN_VALUE, -1, 0, 0x0123_4567_89AB_CDEFL};
    PgPools pools = PgPools.create(vertx, PgPools.connectOptions(url), 1, 1);
    try {
      await(PgMigrations.apply(pools.writes(), CLOCK, 4));
    } finally {
      await(pools.close());
    }
    try (Connection db = DATABASES.jdbc(url); Statement s = db.createStatement()) {
      s.execute("INSERT INTO sources (id) VALUES ('vov')");
      try (PreparedStatement story = db.prepareStatement("INSERT INTO stories (id, title,"
              + " summary_html, content_html, published, first_source_id, first_entry_key,"
              + " created_at) VALUES (?, 't', '', '', ?, 'vov', ?, 0)");
          PreparedStatement entry = db.prepareStatement("INSERT INTO entries (source_id,"
              + " entry_key, story_id, title, published, fetched_at, last_seen)"
              + " VALUES ('vov', ?, ?, 't', ?, 0, 0)");
          PreparedStatement band = db.prepareStatement("INSERT INTO entry_bands"
              + " (band, published, source_id, entry_key) VALUES (?, ?, 'vov', ?)")) {
        for (var e : published.entrySet()) {
          story.setString(1, "s" + e.getKey());
          story.setLong(2, e.getValue());
          story.setString(3, e.getKey());
          story.execute();
          entry.setString(1, e.getKey());
          entry.setString(2, "s" + e.getKey());
          entry.setLong(3, e.getValue());
          entry.execute();
          for (long b : bands) {
            band.setLong(1, b);
            band.setLong(2, e.getValue());
            band.setString(3, e.getKey());
            band.execute();
          }
        }
      }
      // An entry without a fingerprint has no band rows.
      s.execute("INSERT INTO entries (source_id, entry_key, story_id, title, published,"
          + " fetched_at, last_seen) VALUES ('vov', 'e', 'sa', 't', 0, 0, 0)");
    }

    await(await(PgStore.open(vertx, url, 1, 1, CLOCK)).close());

    try (Connection db = DATABASES.jdbc(url); Statement s = db.createStatement()) {
      Map<String, long[]> stored = new TreeMap<>();
      try (ResultSet rows = s.executeQuery("SELECT entry_key, bands FROM entries")) {
        while (rows.next()) {
          Array array = rows.getArray(2);
          stored.put(rows.getString(1), array == null ? null
              : Arrays.stream((Long[]) array.getArray()).mapToLong(Long::longValue).sorted()
                  .toArray());
        }
      }
      assertThat(stored).hasSize(5).containsEntry("e", null);
      published.forEach((key, at) -> assertThat(stored.get(key)).as(key).containsExactly(
          Arrays.stream(BandKeys.stored(bands, at)).mapToLong(Long::longValue).sorted()
              .toArray()));
      try (ResultSet rows = s.executeQuery("SELECT to_regclass('entry_bands') IS NULL,"
          + " (SELECT max(version) FROM schema_version)")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getBoolean(1)).isTrue();
        assertThat(rows.getInt(2)).isEqualTo(5);
      }
    }
  }
}
