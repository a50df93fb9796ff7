package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.store.StoreFixture.NOW;
import static vn.bantin.store.StoreFixture.await;
import static vn.bantin.store.StoreFixture.config;
import static vn.bantin.store.StoreFixture.entry;
import static vn.bantin.store.StoreFixture.hoursAgo;
import static vn.bantin.store.StoreFixture.polled;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.model.FailureCode;
import vn.bantin.model.SourceState;

class SqliteStoreStateTest {

  @TempDir Path dir;
  private Vertx vertx;
  private SqliteStore store;

  @BeforeEach
  void open() throws Exception {
    vertx = StoreFixture.vertx();
    store = StoreFixture.open(vertx, dir);
  }

  @AfterEach
  void close() throws Exception {
    await(store.close());
    await(vertx.close());
  }

  private SourceState stateOf(String id) throws Exception {
    return await(store.sourceStates()).get(id);
  }

  @Test
  void ingestWritesEveryFieldIncludingValidators() throws Exception {
    SourceState state = new SourceState("vov", "https://vov.vn/rss/moved.rss", "\"abc\"",
        "Mon, 10 Mar 2025 07:00:00 GMT", NOW.plusSeconds(900), 0, NOW, 200, null, null, false);
    await(store.ingest(state, List.of(entry("vov", "g1", null, "Tin", hoursAgo(1)))));
    assertThat(stateOf("vov")).isEqualTo(state);
  }

  @Test
  void savePollStateKeepsStoredValidators() throws Exception {
    await(store.ingest(polled("vov", "\"abc\"", "Mon, 10 Mar 2025 07:00:00 GMT"), List.of()));
    SourceState failed = new SourceState("vov", null, "\"other\"", "other", NOW.plusSeconds(60),
        3, NOW, 503, "503 Service Unavailable", FailureCode.HTTP_STATUS.id(), false);
    await(store.savePollState(failed));

    assertThat(stateOf("vov")).isEqualTo(new SourceState("vov", null, "\"abc\"",
        "Mon, 10 Mar 2025 07:00:00 GMT", NOW.plusSeconds(60), 3, NOW, 503,
        "503 Service Unavailable", "http_status", false));
  }

  @Test
  void savePollStateOfANewSourceStoresNoValidators() throws Exception {
    SourceState gone = new SourceState("laichau", null, "\"x\"", "y", null, 1, NOW, 410,
        "410 Gone", "gone", true);
    await(store.savePollState(gone));
    assertThat(stateOf("laichau")).isEqualTo(new SourceState("laichau", null, null, null, null,
        1, NOW, 410, "410 Gone", "gone", true));
  }

  @Test
  void onlyPolledSourcesHaveAState() throws Exception {
    await(store.syncSources(List.of(config("vov", "VOV", "https://vov.vn/rss"))));
    assertThat(await(store.sourceStates())).isEmpty();
  }

  @Test
  void syncSourcesLeavesPollingStateAlone() throws Exception {
    await(store.syncSources(List.of(config("vov", "VOV", "https://vov.vn/rss"))));
    SourceState state = polled("vov", "\"abc\"", null);
    await(store.ingest(state, List.of()));
    await(store.syncSources(List.of(config("vov", "VOV – Chính trị", "https://vov.vn/rss"))));
    assertThat(stateOf("vov")).isEqualTo(state);
  }

  @Test
  void changedConfiguredUrlForgetsRedirectValidatorsAndGone() throws Exception {
    await(store.syncSources(List.of(config("vov", "VOV", "https://vov.vn/rss"))));
    await(store.ingest(new SourceState("vov", "https://vov.vn/moved", "\"abc\"", "lm", null, 0,
        NOW, 200, null, null, false), List.of()));
    await(store.syncSources(List.of(config("vov", "VOV", "https://vov.vn/rss-moi"))));

    SourceState state = stateOf("vov");
    assertThat(state.url()).isNull();
    assertThat(state.etag()).isNull();
    assertThat(state.lastModified()).isNull();
    assertThat(state.lastFetch()).isEqualTo(NOW);
  }
}
