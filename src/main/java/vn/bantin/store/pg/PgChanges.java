package vn.bantin.store.pg;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Category changes between instances, by PostgreSQL LISTEN/NOTIFY. A writing transaction
 * {@link #announce announces} the categories it changed; PostgreSQL delivers the notice to every
 * listening instance only when, and only if, that transaction commits (SQL command NOTIFY), so
 * a listener that reads after hearing sees the change. Each store listens on a connection of its
 * own that reconnects with back-off when it drops; since notices sent meanwhile are lost, every
 * category counts as changed once it listens again.
 */
final class PgChanges {
  private static final Logger LOG = Logger.getLogger(PgChanges.class.getName());
  /** The channel every instance of one database notifies and listens on. */
  static final String CHANNEL = "bantin_categories";
  /** The channel of saved feeds.yml versions; a notice's payload is the version number. */
  static final String CONFIG_CHANNEL = "bantin_config";
  /** First reconnect delay; each failed attempt doubles it up to {@link #MAX_BACKOFF_MILLIS}. */
  private static final long FIRST_BACKOFF_MILLIS = 100;
  private static final long MAX_BACKOFF_MILLIS = 30_000;
  /**
   * How often the listening connection is asked whether it is alive. It is idle otherwise, and
   * a firewall or NAT that forgets an idle connection leaves it open here, deaf, with nothing to
   * reconnect for; a query that gets no answer within {@link #HEARTBEAT_TIMEOUT_MILLIS} closes
   * it, which reconnects.
   */
  private static final long HEARTBEAT_MILLIS = 30_000;
  private static final long HEARTBEAT_TIMEOUT_MILLIS = 10_000;

  /** This store's id in its notices, random per start. */
  private final String origin = UUID.randomUUID().toString().substring(0, 8);
  private final Vertx vertx;
  private final PgSubscriber subscriber;
  private volatile Consumer<Set<String>> changed = ids -> { };
  private volatile Runnable everything = () -> { };
  private volatile Runnable configSaved = () -> { };
  /** Whether LISTEN has succeeded before. */
  private final AtomicBoolean listenedBefore = new AtomicBoolean();
  private volatile long heartbeat = -1;

  private PgChanges(Vertx vertx, PgSubscriber subscriber) {
    this.vertx = vertx;
    this.subscriber = subscriber;
  }

  /** Starts listening; completes once LISTEN is in force, failed when it cannot connect. */
  static Future<PgChanges> listen(Vertx vertx, PgConnectOptions options) {
    PgChanges changes = new PgChanges(vertx, PgSubscriber.subscriber(vertx, options));
    // Reconnect for ever: a store without notices would serve stale feeds without a sign. The
    // jitter spreads the instances that lost the database at the same moment.
    changes.subscriber.reconnectPolicy(attempt -> {
      long delay = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(attempt, 16));
      return delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
    });
    changes.subscriber.channel(CHANNEL)
        .subscribeHandler(v -> changes.listening())
        .handler(changes::heard);
    // Heard on (re)subscribing too: versions saved while not listening are looked for then.
    changes.subscriber.channel(CONFIG_CHANNEL)
        .subscribeHandler(v -> changes.configSaved.run())
        .handler(payload -> changes.configSaved.run());
    return changes.subscriber.connect().map(v -> {
      changes.heartbeat = vertx.setPeriodic(HEARTBEAT_MILLIS, id -> changes.checkAlive());
      return changes;
    });
  }

  /**
   * Where notices go from now on; both may run on any thread.
   *
   * @param changed receives the ids of categories another instance changed
   * @param everything runs when any category may have changed
   */
  void listener(Consumer<Set<String>> changed, Runnable everything) {
    this.changed = changed;
    this.everything = everything;
  }

  /**
   * Where notices of saved configuration versions go from now on, and when listening starts
   * again after the connection dropped; may run on any thread.
   */
  void configListener(Runnable saved) {
    this.configSaved = saved;
  }

  /** Notifies, inside the transaction open on {@code c}, that {@code version} was saved. */
  static Future<Void> announceConfig(SqlConnection c, int version) {
    return c.preparedQuery("SELECT pg_notify($1, $2)")
        .execute(Tuple.of(CONFIG_CHANNEL, Integer.toString(version))).mapEmpty();
  }

  /** Tells this store's own listener, as a notice from another instance would. */
  void deliverHere(Set<String> categories) {
    if (!categories.isEmpty()) {
      changed.accept(Set.copyOf(categories));
    }
  }

  /** Notifies, inside the transaction open on {@code c}, that {@code categories} changed. */
  Future<Void> announce(SqlConnection c, Set<String> categories) {
    return categories.isEmpty() ? Future.succeededFuture()
        : notify(c, new ChangeNotice(origin, categories));
  }

  /** Notifies, inside the transaction open on {@code c}, that every category changed. */
  Future<Void> announceEverything(SqlConnection c) {
    return notify(c, ChangeNotice.everything(origin));
  }

  private static Future<Void> notify(SqlConnection c, ChangeNotice notice) {
    return c.preparedQuery("SELECT pg_notify($1, $2)")
        .execute(Tuple.of(CHANNEL, notice.payload())).mapEmpty();
  }

  private void heard(String payload) {
    ChangeNotice notice = ChangeNotice.parse(payload);
    if (notice.origin().equals(origin)) {
      return; // this store's own change: whoever made it has invalidated already
    }
    if (notice.isEverything()) {
      everything.run();
    } else {
      changed.accept(notice.categories());
    }
  }

  private void listening() {
    if (listenedBefore.getAndSet(true)) {
      LOG.info("listening for other instances' changes again; every category re-renders");
      everything.run();
    }
  }

  private void checkAlive() {
    PgConnection connection = subscriber.actualConnection();
    if (connection != null) {
      connection.query("SELECT 1").execute()
          .timeout(HEARTBEAT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
          .onFailure(e -> {
            LOG.warning("the connection listening for other instances' changes stopped"
                + " answering; reconnecting");
            connection.close();
          });
    }
  }

  /** The server process of the listening connection, or -1 while there is none (for tests). */
  int listeningProcessId() {
    PgConnection connection = subscriber.actualConnection();
    return connection == null ? -1 : connection.processId();
  }

  /** Stops listening for good. */
  Future<Void> close() {
    vertx.cancelTimer(heartbeat);
    return subscriber.close();
  }
}
