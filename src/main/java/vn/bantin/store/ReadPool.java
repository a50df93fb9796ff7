package vn.bantin.store;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The SQLite store's read-only connections and the {@code bantin-store-read} threads that use
 * them: each read takes a free connection for one read transaction, in WAL mode never waiting
 * for the writer.
 */
final class ReadPool {

  private final WorkerExecutor threads;
  private final BlockingQueue<Connection> connections;
  private final int size;

  /** @param threads as many threads as {@code connections} */
  ReadPool(WorkerExecutor threads, List<Connection> connections) {
    this.threads = threads;
    this.connections = new ArrayBlockingQueue<>(connections.size(), false, connections);
    this.size = connections.size();
  }

  /** Runs {@code work} in a read transaction; completes on the caller's context. */
  <T> Future<T> read(Jdbc.Work<T> work) {
    return threads.executeBlocking(() -> {
      Connection connection = connections.poll(Connections.BUSY_TIMEOUT_MILLIS,
          TimeUnit.MILLISECONDS);
      if (connection == null) {
        throw new IllegalStateException("no read connection: store closed");
      }
      try {
        return Jdbc.inTransaction(connection, false, work);
      } finally {
        connections.add(connection);
      }
    }, false);
  }

  /** Closes every connection once the reads using them are done, then the threads. */
  Future<Void> close() {
    return threads.<Void>executeBlocking(() -> {
      for (int i = 0; i < size; i++) {
        connections.take().close();
      }
      return null;
    }, false).eventually(threads::close);
  }
}
