package vn.bantin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.InstantSource;
import vn.bantin.config.Settings;
import vn.bantin.store.SqliteStore;
import vn.bantin.store.Store;
import vn.bantin.store.pg.PgStore;

/** Start-up step: opening the store the settings select. */
final class Stores {
  /** PostgreSQL connections for polls and other writes; reads have their own. */
  private static final int PG_WRITE_CONNECTIONS = 4;

  private Stores() {}

  /**
   * The store {@code settings} select: PostgreSQL, shared by every instance given the same URL,
   * when {@code url} is set; else SQLite in the data directory, its native library taken from
   * the data directory's copy ({@link SqliteNative}).
   */
  static Future<Store> open(Vertx vertx, Settings.Store settings, InstantSource clock) {
    if (!settings.url().isEmpty()) {
      return PgStore.open(vertx, settings.url(), settings.readPoolSize(), PG_WRITE_CONNECTIONS,
          clock).map(store -> store);
    }
    return vertx.executeBlocking(() -> {
      SqliteNative.prepare(settings.dataDir());
      return null;
    }, false).compose(v -> SqliteStore.open(vertx, settings.dataDir(),
        settings.readPoolSize(), clock)).map(store -> store);
  }
}
