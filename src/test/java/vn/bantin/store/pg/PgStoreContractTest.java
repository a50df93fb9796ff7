package vn.bantin.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.bantin.store.StoreFixture.NOW;
import static vn.bantin.store.StoreFixture.await;
import static vn.bantin.store.StoreFixture.entry;
import static vn.bantin.store.StoreFixture.hoursAgo;
import static vn.bantin.store.StoreFixture.polled;

import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bantin.store.Store;
import vn.bantin.store.StoreContractTest;
import vn.bantin.store.StoreFixture;

/** The store contract, run against PostgreSQL: one database per test. */
class PgStoreContractTest extends StoreContractTest {

  private static final EmbeddedDatabases DATABASES = EmbeddedDatabases.shared();
  private String url;

  @Override
  protected Store openStore(Vertx vertx) throws Exception {
    if (url == null) {
      url = DATABASES.newDatabase();
    }
    return await(PgStore.open(vertx, url, 2, 2, StoreFixture.CLOCK));
  }

  /** The store keys bands by six-day period (BandKeys); a lookup spans the periods it touches. */
  @Test
  void nearDuplicatesOnEitherSideOfABandPeriodsStartJoin() throws Exception {
    Instant periodStart = Instant.ofEpochMilli(
        Math.floorDiv(NOW.toEpochMilli(), BandKeys.PERIOD_MILLIS) * BandKeys.PERIOD_MILLIS);
    ingest("vov", near("vov", "https://vov.vn/a-post1.vov",
        "Lai Châu sơ kết 10 tháng xây dựng nông thôn mới", VOV_SUMMARY,
        periodStart.minus(Duration.ofHours(30))));
    assertThat(counts(ingest("laichau", near("laichau", "https://baolaichau.vn/tin/42",
        "Tỉnh Lai Châu: 62 xã đạt chuẩn nông thôn mới sau 10 tháng", BLC_SUMMARY,
        periodStart.plus(Duration.ofHours(30)))))).containsExactly(0, 1, 0, 0);
  }

  @Test
  void aDatabaseFailureHalfWayThroughAPollRollsBackTheWholePoll() throws Exception {
    await(store.ingest(polled("vov", "\"v1\"", null),
        List.of(entry("vov", "g1", "https://vov.vn/a", "Tin một", hoursAgo(3)))));
    // The database refuses the second entry of the next poll, after the first was written.
    try (Connection connection = DATABASES.jdbc(url);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS"
          + " $$ BEGIN RAISE EXCEPTION 'refused'; END $$");
      statement.execute("CREATE TRIGGER refuse_g3 BEFORE INSERT ON entries FOR EACH ROW"
          + " WHEN (NEW.entry_key = 'g3') EXECUTE FUNCTION refuse()");
    }

    assertThatThrownBy(() -> await(store.ingest(polled("vov", "\"v2\"", null), List.of(
        entry("vov", "g2", "https://vov.vn/b", "Tin hai", hoursAgo(2)),
        entry("vov", "g3", "https://vov.vn/c", "Tin ba", hoursAgo(1))))))
        .hasMessageContaining("refused");

    assertThat(await(store.sourceStates()).get("vov").etag()).isEqualTo("\"v1\"");
    assertThat(await(store.entryCounts())).isEqualTo(Map.of("vov", 1L));
    assertThat(all()).extracting(s -> s.title()).containsExactly("Tin một");
  }
}
