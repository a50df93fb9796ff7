package vn.bantin.store.pg;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import vn.bantin.config.SourceConfig;
import vn.bantin.model.SourceState;
import vn.bantin.refresh.SourceLeases;

/**
 * Source leases in the shared database (the {@code lease_holder} and {@code lease_until} columns
 * of {@code sources}): a due source no live lease holds goes to the first instance that asks,
 * and to no other until its lease is released or runs out. A lease lasts {@code leaseTime} and
 * is renewed every third of it while its poll runs, so an instance that dies loses its sources
 * to the others within {@code leaseTime}. Lease times and next polls are computed by the
 * database's clock, never the instances'. Obtain one from {@link PgStore#leases}.
 */
public final class PgSourceLeases implements SourceLeases {
  /** How long a lease lasts unless renewed; well over a renewal's round trip. */
  public static final Duration LEASE_TIME = Duration.ofSeconds(60);

  private static final Logger LOG = Logger.getLogger(PgSourceLeases.class.getName());
  static final String NOW = "(EXTRACT(EPOCH FROM now()) * 1000)::BIGINT";
  private static final String STATE = "s.id, s.url, s.etag, s.last_modified, s.next_poll,"
      + " s.failures, s.last_fetch, s.last_status, s.last_error, s.error_code, s.gone";
  // FOR UPDATE SKIP LOCKED (PostgreSQL SELECT, "The Locking Clause"): rows another instance is
  // taking at this moment are passed over, not waited for, and a row taken meanwhile is checked
  // again against the WHERE clause before it is locked, so no row is ever taken twice. The CTE
  // is evaluated once (it locks rows), which an IN (subquery) in the UPDATE would not promise.
  private static final String TAKE = """
      WITH free AS (
        SELECT id FROM sources
        WHERE id = ANY($3) AND (lease_until IS NULL OR lease_until <= %1$s) %2$s
        ORDER BY next_poll NULLS FIRST, id LIMIT $4
        FOR UPDATE SKIP LOCKED)
      UPDATE sources s SET lease_holder = $1, lease_until = %1$s + $2
      FROM free WHERE s.id = free.id
      RETURNING %3$s
      """;
  private static final String TAKE_DUE = TAKE.formatted(NOW,
      "AND NOT gone AND (next_poll IS NULL OR next_poll <= " + NOW + ")", STATE);
  private static final String TAKE_ANY = TAKE.formatted(NOW, "", STATE);
  private static final String RENEW = "UPDATE sources SET lease_until = " + NOW + " + $2"
      + " WHERE lease_holder = $1 AND id = ANY($3)";
  private static final String RELEASE_UNPOLLED = "UPDATE sources SET lease_holder = NULL,"
      + " lease_until = NULL WHERE id = $2 AND lease_holder = $1";

  private final Vertx vertx;
  private final SqlClient client;
  private final String holder;
  private final long leaseMillis;
  private final int batch;
  private final InstantSource clock;
  private final Map<String, SourceState> known = new ConcurrentHashMap<>();
  private final Set<String> held = ConcurrentHashMap.newKeySet();
  private final long renewer;
  private final ReleaseBatch releases;
  private volatile boolean closed;

  /**
   * @param holder this instance's id, written into the leases it holds
   * @param batch the most leases held at once, so due sources spread over the instances
   * @param clock the clock of the states' next polls, turned into delays from now
   */
  PgSourceLeases(Vertx vertx, SqlClient client, String holder, Duration leaseTime, int batch,
      InstantSource clock) {
    // Renewed every third of the lease time, a timer period of at least 1 ms.
    if (leaseTime.toMillis() < 3 || batch < 1) {
      throw new IllegalArgumentException("lease time < 3 ms or batch < 1");
    }
    this.vertx = vertx;
    this.client = client;
    this.holder = holder;
    this.leaseMillis = leaseTime.toMillis();
    this.batch = batch;
    this.clock = clock;
    this.renewer = vertx.setPeriodic(leaseMillis / 3, id -> renew());
    this.releases = new ReleaseBatch(client, holder);
  }

  /** This instance's id in {@code lease_holder}. */
  public String holder() {
    return holder;
  }

  @Override
  public void restore(Map<String, SourceState> stored) {
    known.putAll(stored);
  }

  @Override
  public Future<List<Lease>> takeDue(List<SourceConfig> sources) {
    int room = batch - held.size();
    if (closed || room <= 0 || sources.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return lease(TAKE_DUE, sources, room);
  }

  @Override
  public boolean full() {
    return held.size() >= batch;
  }

  @Override
  public Future<Optional<Lease>> take(SourceConfig source) {
    if (closed) {
      return Future.succeededFuture(Optional.empty());
    }
    return lease(TAKE_ANY, List.of(source), 1)
        .map(leases -> leases.stream().findFirst());
  }

  /** In one statement, however many sources. */
  @Override
  public Future<List<Lease>> takeAll(List<SourceConfig> sources) {
    if (closed || sources.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return lease(TAKE_ANY, sources, sources.size());
  }

  /** Runs a take statement: leases at most {@code limit} of {@code sources}. */
  private Future<List<Lease>> lease(String sql, List<SourceConfig> sources, int limit) {
    Map<String, SourceConfig> byId = sources.stream()
        .collect(Collectors.toMap(SourceConfig::id, Function.identity()));
    Tuple args = Tuple.of(holder, leaseMillis, byId.keySet().toArray(String[]::new), limit);
    return client.preparedQuery(sql).execute(args).map(rows -> leases(rows, byId));
  }

  private List<Lease> leases(RowSet<Row> rows, Map<String, SourceConfig> byId) {
    List<Lease> leases = new ArrayList<>();
    for (Row row : rows) {
      SourceState state = PgSources.state(row);
      held.add(state.sourceId());
      known.put(state.sourceId(), state);
      leases.add(new Lease(byId.get(state.sourceId()), state));
    }
    return leases;
  }

  @Override
  public Future<Void> release(Lease lease, SourceState after) {
    String id = lease.source().id();
    held.remove(id);
    if (after != null) {
      known.put(id, after);
    }
    if (closed) {
      return Future.succeededFuture();
    }
    if (after == null) {
      return client.preparedQuery(RELEASE_UNPOLLED).execute(Tuple.of(holder, id)).mapEmpty();
    }
    // The state's next poll is by this instance's clock; only its distance from now is kept.
    long delay = after.nextPoll() == null ? 0
        : Math.max(0, after.nextPoll().toEpochMilli() - clock.millis());
    // last_fetch too: a poll that brought nothing new is stored by its release alone
    // (PgStore#savePollTimes writes nothing).
    return releases.release(id, delay, PgValues.millis(after.lastFetch()));
  }

  @Override
  public void note(SourceState state) {
    known.put(state.sourceId(), state);
  }

  @Override
  public void reset(Set<String> sourceIds) {
    // The store's syncSources already made a source whose URL changed due (once, in the
    // database, whichever instance saw the change first).
    known.keySet().removeAll(sourceIds);
  }

  @Override
  public SourceState state(String sourceId) {
    return known.getOrDefault(sourceId, SourceState.initial(sourceId));
  }

  @Override
  public Future<Void> close() {
    closed = true;
    vertx.cancelTimer(renewer);
    return Future.succeededFuture();
  }

  private void renew() {
    if (closed || held.isEmpty()) {
      return;
    }
    client.preparedQuery(RENEW)
        .execute(Tuple.of(holder, leaseMillis, held.toArray(String[]::new)))
        .onFailure(e -> LOG.warning("leases could not be renewed: " + e));
  }
}
