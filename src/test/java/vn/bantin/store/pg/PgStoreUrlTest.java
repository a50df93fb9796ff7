package vn.bantin.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bantin.store.StoreFixture;

/** The store URL forms that conf/bantin.yml and BANTIN_STORE_URL accept. */
class PgStoreUrlTest {

  static Stream<Arguments> urls() {
    return Stream.of(
        argumentSet("postgresql with user and a percent-encoded password",
            "postgresql://bantin:p%40ss%2Fw@db.example:5433/tin", "db.example", 5433, "tin",
            "bantin", "p@ss/w"),
        argumentSet("postgres scheme, default port",
            "postgres://bantin:pw@db/tin", "db", 5432, "tin", "bantin", "pw"),
        argumentSet("JDBC form with query parameters",
            "jdbc:postgresql://db:5432/tin?user=bantin&password=pw", "db", 5432, "tin",
            "bantin", "pw"));
  }

  @ParameterizedTest
  @MethodSource("urls")
  void theUrlNamesHostPortDatabaseAndCredentials(String url, String host, int port,
      String database, String user, String password) {
    PgConnectOptions options = PgPools.connectOptions(url);
    assertThat(options.getHost()).isEqualTo(host);
    assertThat(options.getPort()).isEqualTo(port);
    assertThat(options.getDatabase()).isEqualTo(database);
    assertThat(options.getUser()).isEqualTo(user);
    assertThat(options.getPassword()).isEqualTo(password);
  }

  @Test
  void aMalformedUrlFailsTheOpeningWithoutRepeatingThePassword() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      assertThat(PgStore.open(vertx, "postgresql://bantin:secret@db:port/tin", 1, 1,
              StoreFixture.CLOCK).toCompletionStage().toCompletableFuture())
          .failsWithin(Duration.ofSeconds(5))
          .withThrowableThat().havingCause().isInstanceOf(IllegalArgumentException.class)
          .withMessageContaining("not a valid PostgreSQL URL")
          .withMessageNotContaining("secret");
    } finally {
      StoreFixture.await(vertx.close());
    }
  }
}
