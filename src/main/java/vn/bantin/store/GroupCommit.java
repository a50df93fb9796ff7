package vn.bantin.store;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntConsumer;

/**
 * Runs the store's writes on its one writer thread, in submission order, and commits the writes
 * that queued up meanwhile together: one {@code BEGIN IMMEDIATE}, one savepoint per write, one
 * {@code COMMIT}. A commit writes every page the transaction dirtied to the WAL, and the store's
 * random-key indexes (bands, links, title keys, story ids) make one poll dirty hundreds of pages,
 * mostly the same ones the next poll dirties again; in a cycle where many sources changed, one
 * commit per write wrote those pages once per poll.
 *
 * <p>Each write still succeeds or fails alone: a failing write rolls back to its savepoint
 * (SQLite "SAVEPOINT") and fails only its own future. A future completes only after the COMMIT
 * that made its write durable, on the caller's context; when that COMMIT fails, or an error
 * rolled back the whole transaction, every write of the group fails. A group holds at most
 * {@link #maxWeight} (entries), so readers see fresh data after a bounded delay. The store's
 * {@link NearIndex}, kept in memory, follows every savepoint, commit and rollback. Between groups
 * the writer may rest, when {@link ReadersFirst} says readers need the cores.
 */
final class GroupCommit {

  /**
   * A group's bound in entries: at most about 150 ms of writer time (0.3 ms an entry). In a poll
   * cycle the polls queued bound it first: Refresher lets 2 per core into parse and store, and
   * groups held 3 writes on average in the changed cycles of bench/poll.sh.
   */
  static final int MAX_GROUP_WEIGHT = 500;

  private final WorkerExecutor writer;
  private final StatementCache statements;
  private final Connection connection;
  private final NearIndex near;
  private final int maxWeight;
  private final ReadersFirst readersFirst;
  /** Told the weight of each group after its COMMIT, on the writer thread. */
  private final IntConsumer committed;
  /** Writes submitted and not yet run; only the writer thread takes from it. */
  private final Queue<Write<?>> queue = new ConcurrentLinkedQueue<>();

  /**
   * Runs the writes on {@code statements}' connection, with {@code writer}'s one thread; {@code
   * near} is rolled back and committed with them; {@code committed} hears of each commit's weight;
   * {@code readersFirst} says how long to rest between groups.
   */
  GroupCommit(WorkerExecutor writer, StatementCache statements, NearIndex near, int maxWeight,
      IntConsumer committed, ReadersFirst readersFirst) {
    this.writer = writer;
    this.statements = statements;
    this.connection = statements.connection();
    this.near = near;
    this.maxWeight = maxWeight;
    this.committed = committed;
    this.readersFirst = readersFirst;
  }

  /**
   * Queues {@code work}; the future completes on the caller's context once the transaction that
   * ran it committed.
   *
   * @param weight what the write counts against a group's bound: its entries, at least 1
   */
  <T> Future<T> submit(int weight, Jdbc.Work<T> work) {
    Write<T> write = new Write<>(Math.max(1, weight), work);
    queue.add(write);
    // One task per write, so the future is the executor's, on the caller's context. The task
    // finds its write done when an earlier task's group ran it; otherwise it runs groups from
    // the head of the queue until it is (the queue's order is the order of the writes).
    return writer.executeBlocking(() -> {
      while (!write.done) {
        readersFirst.awaitTurn();
        runGroup();
        readersFirst.groupDone();
      }
      return write.outcome();
    }, false);
  }

  /** On the writer thread: runs every queued write, e.g. before the connection is closed. */
  void drain() {
    while (!queue.isEmpty()) {
      runGroup();
    }
  }

  private void runGroup() {
    try {
      control("BEGIN IMMEDIATE");
    } catch (SQLException e) {
      Write<?> head = queue.poll();
      if (head != null) {
        head.fail(e);
      }
      return;
    }
    List<Write<?>> group = new ArrayList<>();
    int weight = 0;
    for (Write<?> next = queue.peek(); next != null
        && (group.isEmpty() || weight + next.weight <= maxWeight); next = queue.peek()) {
      queue.poll();
      group.add(next);
      weight += next.weight;
      SQLException lost = runInSavepoint(next);
      if (lost != null) {
        abort(group, lost);
        return;
      }
    }
    try {
      control("COMMIT");
    } catch (SQLException e) {
      abort(group, e);
      return;
    }
    near.commit();
    committed.accept(weight);
    for (Write<?> write : group) {
      write.done = true;
    }
  }

  /**
   * Runs one write in its savepoint. Returns null when the transaction is still open (the write
   * committed to its savepoint or was rolled back to it), or the error that ended the whole
   * transaction: on some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM ...) SQLite rolls back
   * the transaction itself, and the savepoint is gone (SQLite "Response To Errors Within A
   * Transaction").
   */
  private SQLException runInSavepoint(Write<?> write) {
    try {
      control("SAVEPOINT write");
    } catch (SQLException e) {
      write.fail(e);
      return e;
    }
    near.savepoint();
    try {
      write.run(connection);
      control("RELEASE write");
      near.release();
      return null;
    } catch (SQLException | RuntimeException | Error e) {
      write.fail(e);
      try {
        control("ROLLBACK TO write");
        near.rollbackToSavepoint();
        control("RELEASE write");
        near.release();
        return null;
      } catch (SQLException lost) {
        e.addSuppressed(lost);
        return lost;
      }
    }
  }

  /**
   * Runs a transaction control statement, compiled once: run through {@code Statement.execute},
   * each was compiled, parsed by the driver and freed again, half of the writer's CPU in an
   * unchanged poll cycle (BENCHMARKS.md, third round).
   */
  private void control(String sql) throws SQLException {
    statements.get(sql).execute();
  }

  /** Rolls the transaction back: every write of the group fails, with its own error if any. */
  private void abort(List<Write<?>> group, SQLException cause) {
    try {
      control("ROLLBACK");
    } catch (SQLException noTransaction) {
      // Already rolled back by SQLite.
    }
    near.rollback();
    for (Write<?> write : group) {
      if (write.failure == null) {
        write.fail(new SQLException("rolled back with its write group: " + cause.getMessage(),
            cause));
      }
      write.done = true;
    }
  }

  /** One submitted write; its fields are touched by the writer thread only. */
  private static final class Write<T> {
    final int weight;
    final Jdbc.Work<T> work;
    T result;
    Throwable failure;
    boolean done;

    Write(int weight, Jdbc.Work<T> work) {
      this.weight = weight;
      this.work = work;
    }

    void run(Connection connection) throws SQLException {
      result = work.run(connection);
    }

    void fail(Throwable e) {
      failure = e;
      result = null;
      done = true;
    }

    T outcome() throws Exception {
      if (failure instanceof Exception e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return result;
    }
  }
}
