package vn.bantin;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import vn.bantin.config.ConfigService;
import vn.bantin.publish.FeedService;
import vn.bantin.store.Store;
import vn.bantin.store.pg.PgStore;

/** Start-up step, once serving: the periodic duties besides polling. */
final class Housekeeping {
  /** How often stories past the retention period are pruned. */
  private static final long PRUNE_EVERY_MILLIS = TimeUnit.HOURS.toMillis(1);
  /** How often feeds.yml is looked at for a hand edit. */
  private static final long RELOAD_EVERY_MILLIS = 2000;

  private Housekeeping() {}

  /**
   * Prunes stories older than {@code retention} hourly, and brings hand edits of feeds.yml into
   * force within {@link #RELOAD_EVERY_MILLIS}, and so do versions saved by other instances
   * sharing the store: at once when announced, else (a notice lost) at the next look.
   */
  static void start(Vertx vertx, Store store, ConfigService config, FeedService feedService,
      Duration retention, InstantSource clock) {
    vertx.setPeriodic(PRUNE_EVERY_MILLIS, id -> store.prune(clock.instant().minus(retention))
        .onSuccess(pruned -> {
          if (pruned > 0) {
            feedService.allChanged(); // no cached feed may list a pruned story
          }
        }));
    WorkerExecutor configPool = vertx.createSharedWorkerExecutor("bantin-config", 1);
    if (store instanceof PgStore shared) {
      shared.onConfigSaved(() -> configPool.executeBlocking(config::adoptNewest, false));
      configPool.executeBlocking(config::adoptNewest, false); // saved while starting
    }
    vertx.setPeriodic(RELOAD_EVERY_MILLIS, id -> configPool.executeBlocking(
        store instanceof PgStore ? config::adoptNewest : config::reloadIfChanged, false));
  }
}
