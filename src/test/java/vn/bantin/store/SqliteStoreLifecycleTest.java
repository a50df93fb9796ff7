package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.bantin.store.StoreFixture.await;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.Eventually;
import vn.bantin.model.SourceState;

/** What only the SQLite store does: its file, its WAL mode, its migrations. */
class SqliteStoreLifecycleTest {

  @TempDir Path tmp;
  private Vertx vertx;

  @BeforeEach
  void startVertx() {
    vertx = StoreFixture.vertx();
  }

  @AfterEach
  void stopVertx() throws Exception {
    await(vertx.close());
  }

  @Test
  void openCreatesTheDataDirectoryInWalMode() throws Exception {
    Path dataDir = tmp.resolve("nested/data");
    SqliteStore store = StoreFixture.open(vertx, dataDir);
    await(store.close());
    try (Connection connection = DriverManager.getConnection(
            "jdbc:sqlite:" + dataDir.resolve(SqliteStore.DATABASE_FILE));
        Statement statement = connection.createStatement();
        ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
      assertThat(mode.next()).isTrue();
      assertThat(mode.getString(1)).isEqualTo("wal");
    }
  }

  @Test
  void reopeningAppliesNoMigrationTwice() throws Exception {
    await(StoreFixture.open(vertx, tmp).close());
    InstantSource later = InstantSource.fixed(Instant.parse("2030-01-01T00:00:00Z"));
    await(await(SqliteStore.open(vertx, tmp, 1, later)).close());
    try (Connection connection = DriverManager.getConnection(
            "jdbc:sqlite:" + tmp.resolve(SqliteStore.DATABASE_FILE));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version, applied_at FROM schema_version")) {
      for (int version = 1; version <= Migrations.SCRIPTS.size(); version++) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(version);
        assertThat(rows.getLong(2)).isEqualTo(StoreFixture.CLOCK.millis());
      }
      assertThat(rows.next()).isFalse();
    }
  }

  /**
   * SQLite 3.51.0 and 3.51.1 deadlock when two connections of one WAL file close at once, and
   * then every open in the process waits: a CI run hung 88 minutes on it (fixed in 3.51.2).
   */
  @Test
  void theBundledSqliteIsPastTheCloseDeadlockOf3510And3511() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement statement = connection.createStatement();
        ResultSet version = statement.executeQuery("SELECT sqlite_version()")) {
      assertThat(version.next()).isTrue();
      assertThat(version.getString(1)).isNotIn("3.51.0", "3.51.1");
    }
  }

  /**
   * A 304 after a 304 changes a source's times only; they are held back, so that an unchanged
   * poll cycle does not wake the writer for every turn of the fetch loop, and written together
   * within the delay.
   */
  @Test
  void repeatedNotModifiedTimesReachTheFileWithinTheDelay() throws Exception {
    SqliteStore store = await(SqliteStore.open(vertx, tmp, 1, StoreFixture.CLOCK,
        Duration.ofMillis(300)));
    await(store.syncSources(List.of(StoreFixture.config("vov", "VOV", "https://vov.vn/rss"))));
    await(store.ingest(StoreFixture.polled("vov", "\"abc\"", null), List.of()));
    await(store.savePollState(StoreContractTest.notModified("vov", 1)));
    await(store.savePollState(StoreContractTest.notModified("vov", 2)));
    assertThat(storedLastFetch("vov")).isEqualTo(StoreFixture.NOW.plusSeconds(60));
    Eventually.eventually(Duration.ofSeconds(10),
        () -> storedLastFetch("vov").equals(StoreFixture.NOW.plusSeconds(120)));
    // Held after that write, written by the next one.
    await(store.savePollState(StoreContractTest.notModified("vov", 3)));
    Eventually.eventually(Duration.ofSeconds(10),
        () -> storedLastFetch("vov").equals(StoreFixture.NOW.plusSeconds(180)));
    await(store.close());
  }

  @Test
  void heldTimesAreWrittenOnCloseAndNeverOverALaterState() throws Exception {
    SqliteStore store = await(SqliteStore.open(vertx, tmp, 1, StoreFixture.CLOCK,
        Duration.ofHours(1)));
    await(store.syncSources(List.of(StoreFixture.config("vov", "VOV", "https://vov.vn/rss"),
        StoreFixture.config("nhandan", "Nhân Dân", "https://nhandan.vn/rss"))));
    await(store.ingest(StoreFixture.polled("vov", "\"abc\"", null), List.of()));
    await(store.ingest(StoreFixture.polled("nhandan", "\"abc\"", null), List.of()));
    await(store.savePollState(StoreContractTest.notModified("vov", 1)));
    await(store.savePollState(StoreContractTest.notModified("vov", 2)));
    await(store.savePollState(StoreContractTest.notModified("nhandan", 1)));
    await(store.savePollState(StoreContractTest.notModified("nhandan", 2)));
    SourceState failed = new SourceState("nhandan", null, "\"abc\"", null,
        StoreFixture.NOW.plusSeconds(3_600), 1, StoreFixture.NOW.plusSeconds(180), 503,
        "503 Service Unavailable", "http_status", false);
    await(store.savePollState(failed));
    assertThat(storedLastFetch("vov")).isEqualTo(StoreFixture.NOW.plusSeconds(60));
    await(store.close());

    SqliteStore reopened = StoreFixture.open(vertx, tmp);
    Map<String, SourceState> states = await(reopened.sourceStates());
    await(reopened.close());
    assertThat(states).containsEntry("vov", StoreContractTest.notModified("vov", 2))
        .containsEntry("nhandan", failed);
  }

  /** The last fetch the database file holds for {@code sourceId}, read beside the store. */
  private Instant storedLastFetch(String sourceId) throws Exception {
    try (Connection connection = DriverManager.getConnection(
            "jdbc:sqlite:" + tmp.resolve(SqliteStore.DATABASE_FILE));
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(
            "SELECT last_fetch FROM sources WHERE id = '" + sourceId + "'")) {
      assertThat(row.next()).isTrue();
      return Instant.ofEpochMilli(row.getLong(1));
    }
  }

  @Test
  void openFailsWhenTheDataDirectoryIsAFile() throws Exception {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    assertThatThrownBy(() -> StoreFixture.open(vertx, file))
        .isInstanceOf(ExecutionException.class);
  }
}
