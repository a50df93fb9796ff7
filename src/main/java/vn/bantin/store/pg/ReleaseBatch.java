package vn.bantin.store.pg;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * The lease releases of the polls that ended in one event-loop turn, sent as one statement once
 * the turn is over: one loop turn serves the answers of several upstreams, and a poll that
 * brought nothing new is stored by its release alone ({@link PgStore#savePollTimes}), so an
 * unchanged cycle was one statement per source. Outside Vert.x a release is sent at once.
 * Thread-safe.
 */
final class ReleaseBatch {
  private static final String RELEASE = """
      UPDATE sources s SET lease_holder = NULL, lease_until = NULL,
          next_poll = %s + r.delay, last_fetch = COALESCE(r.fetched, s.last_fetch)
      FROM unnest($2::text[], $3::int8[], $4::int8[]) AS r(id, delay, fetched)
      WHERE s.id = r.id AND s.lease_holder = $1
      """.formatted(PgSourceLeases.NOW);

  private record Release(String sourceId, long delayMillis, Long lastFetch, Promise<Void> done) {}

  private final SqlClient client;
  private final String holder;
  /** Releases waiting for the end of the turn; guarded by this. */
  private List<Release> waiting = new ArrayList<>();

  ReleaseBatch(SqlClient client, String holder) {
    this.client = client;
    this.holder = holder;
  }

  /**
   * Releases {@code sourceId}'s lease, due again in {@code delayMillis} by the database's clock,
   * polled at {@code lastFetch} (epoch millis, or {@code null} to keep the stored one).
   */
  Future<Void> release(String sourceId, long delayMillis, Long lastFetch) {
    Promise<Void> done = Promise.promise();
    boolean first;
    synchronized (this) {
      first = waiting.isEmpty();
      waiting.add(new Release(sourceId, delayMillis, lastFetch, done));
    }
    if (first) {
      Context here = Vertx.currentContext();
      if (here == null) {
        send();
      } else {
        here.runOnContext(v -> send());
      }
    }
    return done.future();
  }

  private void send() {
    List<Release> batch;
    synchronized (this) {
      batch = waiting;
      waiting = new ArrayList<>();
    }
    String[] ids = new String[batch.size()];
    Long[] delays = new Long[batch.size()];
    Long[] fetched = new Long[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      Release r = batch.get(i);
      ids[i] = r.sourceId();
      delays[i] = r.delayMillis();
      fetched[i] = r.lastFetch();
    }
    Future<Void> sent;
    try {
      sent = client.preparedQuery(RELEASE).execute(Tuple.of(holder, ids, delays, fetched))
          .mapEmpty();
    } catch (RuntimeException e) { // e.g. the client closed under us
      sent = Future.failedFuture(e);
    }
    sent.onComplete(outcome -> batch.forEach(r -> r.done().handle(outcome)));
  }
}
