package vn.bantin.store.pg;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;
import vn.bantin.threads.BackgroundPriority;

/**
 * What {@link PgStore} runs on: a connection pool for writes, one for reads, so a poll waiting for
 * a lock never holds a reader's place, and the worker pool for its CPU work.
 *
 * @param writes polls and other writes
 * @param reads reads for HTTP answers and the admin API
 * @param compute identity keys and category rules, never on an event loop
 */
record PgPools(Pool writes, Pool reads, WorkerExecutor compute) {

  /**
   * How long a read waits for a connection (a new one connecting included) before it fails: an
   * HTTP request for a feed not rendered yet gets a 503 then, rather than hanging while the
   * database is unreachable.
   */
  private static final int READ_WAIT_SECONDS = 5;
  /** The same for writes, which may queue behind other polls' transactions for longer. */
  private static final int WRITE_WAIT_SECONDS = 30;
  /** How long opening a connection to the database may take. */
  private static final int CONNECT_TIMEOUT_MILLIS = 5000;

  /** The pools for the database of {@code options}; they connect when first used. */
  static PgPools create(Vertx vertx, PgConnectOptions options, int readConnections,
      int writeConnections) {
    Pool writes = pool(vertx, options, "bantin-store-pg-write", writeConnections,
        WRITE_WAIT_SECONDS);
    Pool reads = pool(vertx, options, "bantin-store-pg-read", readConnections,
        READ_WAIT_SECONDS);
    // Keys, fingerprints and category rules of ingest: CPU work, run lowered.
    WorkerExecutor compute = BackgroundPriority.lowered(vertx.createSharedWorkerExecutor(
        "bantin-store-compute", Math.max(1, Runtime.getRuntime().availableProcessors())));
    return new PgPools(writes, reads, compute);
  }

  /**
   * The client's options for a store URL; the JDBC form's {@code jdbc:} prefix is dropped.
   *
   * @throws IllegalArgumentException when the URL is malformed; its message never repeats the
   *     URL, which may hold a password
   */
  static PgConnectOptions connectOptions(String url) {
    String uri = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
    try {
      // Each connection keeps its statements prepared: PostgreSQL parses and plans the store's
      // fixed SQL once per connection, not on every call (a third of its CPU in a changed cycle).
      return PgConnectOptions.fromUri(uri).setCachePreparedStatements(true);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("store.url is not a valid PostgreSQL URL"
          + " (postgresql://user:password@host:5432/database)");
    }
  }

  /** Closes the three pools at once; completes when all are closed. */
  Future<Void> close() {
    return Future.join(writes.close(), reads.close(), compute.close()).mapEmpty();
  }

  private static Pool pool(Vertx vertx, PgConnectOptions options, String name, int size,
      int waitSeconds) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size).setName(name)
            .setConnectionTimeout(waitSeconds).setConnectionTimeoutUnit(TimeUnit.SECONDS))
        // A host that does not answer at all (down, or dropped by a firewall) fails a new
        // connection within this, not the transport's default minute.
        .with(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS))
        .connectingTo(options)
        .using(vertx)
        .build();
  }
}
