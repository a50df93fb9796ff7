package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.Eventually.eventually;
import static vn.bantin.store.StoreFixture.await;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WAL is copied into the database on the checkpoint thread, every so much written weight. */
class CheckpointsTest {
  private static final int WEIGHT = 10;

  @TempDir Path tmp;
  private Vertx vertx;
  private Path file;
  private Connection writer;
  private WorkerExecutor thread;
  private Checkpoints checkpoints;

  @BeforeEach
  void open() throws Exception {
    vertx = StoreFixture.vertx();
    file = tmp.resolve("checkpoints.db");
    writer = Connections.writer(file);
    Jdbc.execute(writer, "CREATE TABLE rows (id INTEGER PRIMARY KEY, text TEXT)");
    thread = vertx.createSharedWorkerExecutor("test-checkpoint", 1);
    checkpoints = new Checkpoints(thread, Connections.checkpointer(file), WEIGHT);
  }

  @AfterEach
  void close() throws Exception {
    await(checkpoints.close());
    writer.close();
    await(vertx.close());
  }

  @Test
  void theWriterCheckpointsItselfOnlyPastTheBackstopAndCutsTheWalBack() throws Exception {
    assertThat(pragma("wal_autocheckpoint")).isEqualTo(Connections.BACKSTOP_PAGES);
    assertThat(pragma("journal_size_limit")).isEqualTo(Connections.WAL_KEPT_BYTES);
  }

  @Test
  void enoughCommittedWeightCopiesTheWalIntoTheDatabaseFile() throws Exception {
    long empty = Files.size(file);
    commitRows(0, 200);
    checkpoints.committed(WEIGHT - 1);
    settled();
    assertThat(checkpoints.done()).isZero();
    assertThat(Files.size(file)).as("all still in the WAL").isEqualTo(empty);

    checkpoints.committed(1);

    awaitCheckpoints(1);
    assertThat(Files.size(file)).isGreaterThan(empty + 200 * 1_000);
    // The next one needs as much weight again.
    commitRows(200, 1);
    checkpoints.committed(WEIGHT - 1);
    settled();
    assertThat(checkpoints.done()).isEqualTo(1);
  }

  @Test
  void afterCloseCommitsStartNoCheckpoint() throws Exception {
    commitRows(0, 10);
    await(checkpoints.close());

    checkpoints.committed(WEIGHT * 5); // decided on this thread: nothing is handed over

    assertThat(checkpoints.done()).isZero();
  }

  @Test
  void aCommitAfterTheThreadClosedUnderItStillStands() throws Exception {
    WorkerExecutor gone = vertx.createSharedWorkerExecutor("test-gone", 1);
    await(gone.close());
    try (Connection connection = Connections.checkpointer(file)) {
      Checkpoints late = new Checkpoints(gone, connection, WEIGHT);

      late.committed(WEIGHT); // must not throw into the writer's commit
      late.committed(WEIGHT);

      assertThat(late.done()).isZero();
    }
  }

  @Test
  void aFailedCheckpointIsLoggedAndTheNextOneIsTriedAgain() throws Exception {
    LoggedMessages warnings = LoggedMessages.of(Checkpoints.class);
    Connection broken = Connections.checkpointer(file);
    broken.close();
    Checkpoints failing = new Checkpoints(vertx.createSharedWorkerExecutor("test-failing", 1),
        broken, WEIGHT);
    try {
      failing.committed(WEIGHT);
      eventually(Duration.ofSeconds(10), () -> warnings.all().size() == 1);
      // Each commit asks again; one that finds the failed checkpoint still ending starts none.
      eventually(Duration.ofSeconds(10), () -> {
        failing.committed(WEIGHT);
        return warnings.all().size() >= 2;
      });
      // A checkpoint the last commit started may still be logging: all() is a copy.
      List<String> seen = warnings.all();
      assertThat(seen).allMatch(w -> w.startsWith("WAL checkpoint failed"));
      assertThat(failing.done()).isZero();
    } finally {
      warnings.close();
      await(failing.close());
    }
  }

  private void commitRows(int from, int count) throws SQLException {
    writer.setAutoCommit(false);
    try (PreparedStatement insert = writer.prepareStatement(
        "INSERT INTO rows (id, text) VALUES (?, ?)")) {
      for (int id = from; id < from + count; id++) {
        insert.setInt(1, id);
        insert.setString(2, "x".repeat(2_000));
        insert.executeUpdate();
      }
    }
    writer.commit();
    writer.setAutoCommit(true);
  }

  private long pragma(String name) throws SQLException {
    try (PreparedStatement query = writer.prepareStatement("PRAGMA " + name);
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private void awaitCheckpoints(int count) throws Exception {
    eventually(Duration.ofSeconds(10), () -> checkpoints.done() == count);
  }

  /** Returns once every task handed to the checkpoint thread so far has run (one FIFO thread). */
  private void settled() throws Exception {
    await(thread.executeBlocking(() -> null, false));
  }
}
