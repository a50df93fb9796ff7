package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.bantin.store.StoreFixture.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.dedup.Fingerprint;

/**
 * The writes queued while the writer is busy run as one transaction, each in its savepoint. Each
 * test holds the writer in a first write until the others are queued, so they form one group.
 */
class GroupCommitTest {

  @TempDir Path tmp;
  private Vertx vertx;
  private WorkerExecutor executor;
  private Connection writer;
  private Connection reader;
  private final CountDownLatch release = new CountDownLatch(1);
  /** Each row written also adds its id as an entry of one band, {@link #BAND}, to this index. */
  private final NearIndex near = new NearIndex();
  private static final long BAND = 42;
  private static final long[] NO_SKETCH = new long[Fingerprint.SKETCH_LONGS];

  @BeforeEach
  void open() throws Exception {
    vertx = StoreFixture.vertx();
    executor = vertx.createSharedWorkerExecutor("test-group-writer", 1);
    Path file = tmp.resolve("group.db");
    writer = Connections.writer(file);
    Jdbc.execute(writer, "CREATE TABLE rows (id INTEGER PRIMARY KEY)");
    Jdbc.execute(writer, "CREATE TABLE parents (id INTEGER PRIMARY KEY)");
    // Checked at COMMIT only: the way to make a COMMIT fail.
    Jdbc.execute(writer, "CREATE TABLE children (id INTEGER PRIMARY KEY, parent INTEGER"
        + " REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED)");
    reader = Connections.reader(file);
  }

  @AfterEach
  void close() throws Exception {
    await(executor.close());
    writer.close();
    reader.close();
    await(vertx.close());
  }

  @Test
  void aFailingWriteFailsAloneAndTheOthersOfItsGroupCommit() throws Exception {
    List<Integer> commits = new ArrayList<>();
    GroupCommit groups = new GroupCommit(executor, new StatementCache(writer), near, 100,
        commits::add, ReadersFirst.never());
    Future<Integer> first = groups.submit(1, c -> insertAfterRelease(c, 1));
    Future<Integer> second = groups.submit(1, c -> insert(c, 2));
    Future<Integer> failing = groups.submit(1, c -> {
      insert(c, 3);
      throw new SQLException("refused");
    });
    Future<Integer> fourth = groups.submit(1, c -> insert(c, 4));
    release.countDown();

    assertThat(await(first)).isEqualTo(1);
    assertThat(await(second)).isEqualTo(2);
    assertThatThrownBy(() -> await(failing)).hasRootCauseMessage("refused");
    assertThat(await(fourth)).isEqualTo(4);
    assertThat(committedRows()).containsExactly(1, 2, 4);
    assertThat(indexed()).containsExactly(1L, 2L, 4L);
    assertThat(commits).as("the weight of each commit, told after it").containsExactly(4);
  }

  @Test
  void aFutureCompletesOnlyAfterTheCommitOfItsGroup() throws Exception {
    GroupCommit groups = new GroupCommit(executor, new StatementCache(writer), near, 100,
        weight -> {}, ReadersFirst.never());
    Future<Integer> first = groups.submit(1, c -> insertAfterRelease(c, 1));
    List<Object> seenByTheLastWrite = new ArrayList<>();
    Future<Integer> last = groups.submit(1, c -> {
      seenByTheLastWrite.add(first.isComplete());
      seenByTheLastWrite.add(committedRows());
      return insert(c, 2);
    });
    release.countDown();

    await(last);
    assertThat(seenByTheLastWrite).containsExactly(false, List.of());
    assertThat(first.isComplete()).isTrue();
    assertThat(committedRows()).containsExactly(1, 2);
  }

  @Test
  void aFailedCommitFailsEveryWriteOfItsGroup() throws Exception {
    GroupCommit groups = new GroupCommit(executor, new StatementCache(writer), near, 100,
        weight -> {}, ReadersFirst.never());
    Future<Integer> first = groups.submit(1, c -> insertAfterRelease(c, 1));
    Future<Integer> orphan = groups.submit(1, c -> {
      Jdbc.execute(c, "INSERT INTO children (id, parent) VALUES (1, 99)");
      return 0;
    });
    Future<Integer> third = groups.submit(1, c -> insert(c, 3));
    release.countDown();

    assertThatThrownBy(() -> await(first)).isInstanceOf(ExecutionException.class);
    assertThatThrownBy(() -> await(orphan)).isInstanceOf(ExecutionException.class);
    assertThatThrownBy(() -> await(third)).isInstanceOf(ExecutionException.class);
    assertThat(committedRows()).isEmpty();
    assertThat(indexed()).isEmpty();
    Future<Integer> after = groups.submit(1, c -> insert(c, 5));
    assertThat(await(after)).isEqualTo(5);
    assertThat(committedRows()).containsExactly(5);
    assertThat(indexed()).containsExactly(5L);
  }

  @Test
  void writesRunInSubmissionOrderAcrossGroups() throws Exception {
    GroupCommit groups = new GroupCommit(executor, new StatementCache(writer), near, 3,
        weight -> {}, ReadersFirst.never());
    List<Integer> order = new ArrayList<>();
    List<Future<Integer>> futures = new ArrayList<>();
    futures.add(groups.submit(1, c -> insertAfterRelease(c, 0)));
    for (int i = 1; i < 20; i++) {
      int id = i;
      futures.add(groups.submit(1 + i % 2, c -> {
        order.add(id);
        return insert(c, id);
      }));
    }
    release.countDown();

    for (Future<Integer> future : futures) {
      await(future);
    }
    assertThat(order).isSorted().hasSize(19);
    assertThat(committedRows()).hasSize(20).isSorted();
  }

  @Test
  void aGroupHoldsNoMoreThanItsWeight() throws Exception {
    GroupCommit groups = new GroupCommit(executor, new StatementCache(writer), near, 2,
        weight -> {}, ReadersFirst.never());
    Future<Integer> first = groups.submit(1, c -> insertAfterRelease(c, 1));
    Future<Integer> second = groups.submit(1, c -> insert(c, 2));
    List<List<Integer>> seenByTheThird = new ArrayList<>();
    Future<Integer> third = groups.submit(1, c -> {
      seenByTheThird.add(committedRows());
      return insert(c, 3);
    });
    release.countDown();

    await(first);
    await(second);
    await(third);
    assertThat(seenByTheThird).containsExactly(List.of(1, 2));
  }

  @Test
  void theWriterRestsBetweenGroupsWhileReadersComeFirst() throws Exception {
    long[] wall = {0};
    List<Long> rests = new ArrayList<>();
    // Readers keep the loops busy and the writer gets no CPU: every group earns a rest.
    ReadersFirst readersFirst = new ReadersFirst(() -> wall[0], () -> 0,
        () -> Long.MAX_VALUE / 2, nanos -> {
          rests.add(nanos);
          wall[0] += nanos;
        });
    GroupCommit groups = new GroupCommit(executor, new StatementCache(writer), near, 1,
        weight -> {}, readersFirst);
    Future<Integer> first = groups.submit(1, c -> {
      wall[0] += TimeUnit.MILLISECONDS.toNanos(200);
      return insertAfterRelease(c, 1);
    });
    Future<Integer> second = groups.submit(1, c -> insert(c, 2));
    release.countDown();

    await(first);
    await(second);
    assertThat(rests).containsExactly(TimeUnit.MILLISECONDS.toNanos(800));
    assertThat(committedRows()).containsExactly(1, 2);
  }

  /** Holds the writer thread until the test queued the rest of the group. */
  private int insertAfterRelease(Connection c, int id) throws SQLException {
    try {
      assertThat(release.await(20, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException(e);
    }
    return insert(c, id);
  }

  private int insert(Connection c, int id) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO rows (id) VALUES (?)")) {
      insert.setInt(1, id);
      insert.executeUpdate();
    }
    near.add(id, 0, 0, new long[] {BAND}, NO_SKETCH);
    return id;
  }

  /** The entries the index holds once the writes are done, in order. */
  private List<Long> indexed() throws Exception {
    long[] ids = await(executor.executeBlocking(() -> near.entries(new long[] {BAND}, 0, 0)));
    return Arrays.stream(ids).sorted().boxed().toList();
  }

  /** The rows a reader sees: what was committed. */
  private List<Integer> committedRows() throws SQLException {
    List<Integer> ids = new ArrayList<>();
    try (PreparedStatement query = reader.prepareStatement("SELECT id FROM rows ORDER BY id");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getInt(1));
      }
    }
    return ids;
  }
}
