package vn.bantin.store.pg;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import vn.bantin.store.Store;
import vn.bantin.store.StoreContractTest;
import vn.bantin.store.StoreFixture;

/** The store contract, run against PostgreSQL: one server per class, one database per test. */
class PgStoreContractTest extends StoreContractTest {

  private static EmbeddedDatabases databases;
  private String url;

  @BeforeAll
  static void startPostgres() throws Exception {
    databases = EmbeddedDatabases.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    databases.close();
  }

  @Override
  protected Store openStore(Vertx vertx) throws Exception {
    if (url == null) {
      url = databases.newDatabase();
    }
    return StoreFixture.await(PgStore.open(vertx, url, 2, 2, StoreFixture.CLOCK));
  }
}
