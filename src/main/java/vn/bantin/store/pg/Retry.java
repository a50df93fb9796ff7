package vn.bantin.store.pg;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs a transaction again when PostgreSQL aborted it only because of another one: a deadlock
 * or a serialization failure (PostgreSQL "Serialization Failure Handling", section 13.6: such a
 * transaction is to be retried whole). Instances writing the same stories at once can meet so.
 */
final class Retry {

  /** SQLSTATE serialization_failure and deadlock_detected (PostgreSQL appendix A). */
  private static final Set<String> TRANSIENT = Set.of("40001", "40P01");
  private static final int ATTEMPTS = 5;

  private Retry() {}

  /** {@code work} in a transaction on {@code pool}, tried up to five times while transient. */
  static <T> Future<T> transaction(Pool pool, Function<SqlConnection, Future<T>> work) {
    return attempt(pool, work, 1);
  }

  private static <T> Future<T> attempt(Pool pool, Function<SqlConnection, Future<T>> work,
      int attempt) {
    return pool.withTransaction(work).recover(e -> attempt < ATTEMPTS && isTransient(e)
        ? attempt(pool, work, attempt + 1) : Future.failedFuture(e));
  }

  static boolean isTransient(Throwable e) {
    return e instanceof PgException pg && TRANSIENT.contains(pg.getSqlState());
  }
}
