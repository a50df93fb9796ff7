package vn.bantin.store;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Copies the WAL into the database file on a thread and connection of its own, so that the
 * store's writer goes on writing meanwhile. A checkpoint writes every page the WAL holds and
 * fsyncs the WAL and the database; run by the writer's commits (SQLite's automatic checkpoint),
 * it cost a changed poll cycle about 45 µs of the writer's time per new entry, two thirds of it
 * waiting for the disk (BENCHMARKS.md, fifth round). A PASSIVE checkpoint never blocks the writer
 * or the readers; once it copied the whole WAL, the writer's next transaction starts the WAL over.
 * The writer still checkpoints itself if the WAL outgrows {@link Connections#BACKSTOP_PAGES}
 * (writes faster than the copies), so the WAL stays bounded.
 */
final class Checkpoints {
  /** Weight committed between checkpoints (a write's entries, at least 1, as in GroupCommit). */
  static final int WEIGHT_PER_CHECKPOINT = 1_000;
  private static final Logger LOG = Logger.getLogger(Checkpoints.class.getName());

  private final WorkerExecutor thread;
  private final Connection connection;
  private final int weightPerCheckpoint;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicInteger done = new AtomicInteger();
  private volatile boolean closed;
  private Future<Void> closing;
  /** Weight committed since the last checkpoint began; the writer thread's alone. */
  private int pending;

  /** Checkpoints with {@code connection} (read-write, its own) on {@code thread}'s one thread. */
  Checkpoints(WorkerExecutor thread, Connection connection, int weightPerCheckpoint) {
    this.thread = thread;
    this.connection = connection;
    this.weightPerCheckpoint = weightPerCheckpoint;
  }

  /**
   * On the writer thread, after a COMMIT of {@code weight}: starts a checkpoint once enough was
   * committed since the last one began, unless one is still running (the next commit asks again).
   */
  void committed(int weight) {
    pending += weight;
    if (pending < weightPerCheckpoint || closed || !running.compareAndSet(false, true)) {
      return;
    }
    pending = 0;
    try {
      thread.executeBlocking(() -> {
        try {
          if (!closed) {
            checkpoint();
          }
        } finally {
          running.set(false);
        }
        return null;
      }, false);
    } catch (RuntimeException closedMeanwhile) {
      // The thread was closed between the check and here: the commit stands, nothing to copy.
      running.set(false);
    }
  }

  /** Checkpoints run to their end, for tests. */
  int done() {
    return done.get();
  }

  /** Waits for a running checkpoint, then closes the connection; later commits start none. */
  synchronized Future<Void> close() {
    if (closing == null) {
      closed = true;
      closing = thread.<Void>executeBlocking(() -> {
        connection.close();
        return null;
      }, false).eventually(thread::close);
    }
    return closing;
  }

  private void checkpoint() {
    try (PreparedStatement statement = connection.prepareStatement(
            "PRAGMA wal_checkpoint(PASSIVE)");
        ResultSet result = statement.executeQuery()) {
      result.next();
      done.incrementAndGet();
    } catch (SQLException | RuntimeException e) {
      // Nothing is lost: the WAL keeps every commit, and the next checkpoint (or the writer's own,
      // past the backstop) copies it.
      LOG.log(Level.WARNING, "WAL checkpoint failed: " + e.getMessage());
    }
  }
}
