package vn.bantin.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.bantin.store.StoreFixture.await;
import static vn.bantin.store.StoreFixture.entry;
import static vn.bantin.store.StoreFixture.hoursAgo;
import static vn.bantin.store.StoreFixture.polled;

import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.Statement;
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
