package vn.bantin.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.store.StoreFixture.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which failures a transaction is tried again after, and how often. */
class RetryTest {
  private static final EmbeddedDatabases DATABASES = EmbeddedDatabases.shared();

  private Vertx vertx;
  private Pool pool;

  @BeforeEach
  void connect() throws Exception {
    vertx = Vertx.vertx();
    pool = PgBuilder.pool().connectingTo(PgPools.connectOptions(DATABASES.newDatabase()))
        .using(vertx).build();
  }

  @AfterEach
  void disconnect() throws Exception {
    await(pool.close());
    await(vertx.close());
  }

  @ParameterizedTest(name = "{0}: {2} attempts")
  @CsvSource({
      "serialization failure once, 40001, 2, true",
      "deadlock once, 40P01, 2, true",
      "unique violation, 23505, 1, false"})
  void transientFailuresAreTriedAgainOthersAreNot(String what, String sqlState, int attempts,
      boolean succeeds) throws Exception {
    AtomicInteger tries = new AtomicInteger();
    Future<String> result = Retry.transaction(pool, c -> tries.incrementAndGet() == 1
        ? Future.failedFuture(new PgException(what, "ERROR", sqlState, null))
        : c.query("SELECT 'done'").execute().map(rows -> rows.iterator().next().getString(0)));
    assertThat(result.toCompletionStage().toCompletableFuture()
        .handle((value, failure) -> value).get()).isEqualTo(succeeds ? "done" : null);
    assertThat(tries).hasValue(attempts);
  }

  @Test
  void aTransactionIsTriedFiveTimesAtMost() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    Future<Void> result = Retry.transaction(pool, c -> {
      tries.incrementAndGet();
      return Future.failedFuture(new PgException("deadlock", "ERROR", "40P01", null));
    });
    assertThat(result.toCompletionStage().toCompletableFuture())
        .failsWithin(Duration.ofSeconds(20));
    assertThat(tries).hasValue(5);
  }
}
