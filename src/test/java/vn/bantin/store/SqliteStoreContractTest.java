package vn.bantin.store;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract, run against SQLite: one database file per test. */
class SqliteStoreContractTest extends StoreContractTest {

  @TempDir Path dir;

  @Override
  protected Store openStore(Vertx vertx) throws Exception {
    return StoreFixture.open(vertx, dir);
  }
}
