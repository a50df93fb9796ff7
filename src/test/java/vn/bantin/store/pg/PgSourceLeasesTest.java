package vn.bantin.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.store.StoreFixture.CLOCK;
import static vn.bantin.store.StoreFixture.NOW;
import static vn.bantin.store.StoreFixture.await;
import static vn.bantin.store.StoreFixture.config;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.bantin.config.SourceConfig;
import vn.bantin.model.SourceState;
import vn.bantin.refresh.SourceLeases.Lease;
import vn.bantin.store.StoreFixture;

/**
 * Leases of sources in the shared database, between instances that each have their own store
 * (own connections), as separate processes would: one poll per source at a time, taken over
 * when its holder stops renewing, due again when its holder says.
 */
class PgSourceLeasesTest {
  private static final EmbeddedDatabases DATABASES = EmbeddedDatabases.shared();
  private static final Duration LONG = Duration.ofSeconds(60);
  private static final Duration SHORT = Duration.ofMillis(600);
  private static final int SOURCES = 40;

  private Vertx vertx;
  private String url;
  private final List<PgStore> stores = new ArrayList<>();
  private final List<PgSourceLeases> opened = new ArrayList<>();
  private final List<SourceConfig> sources = IntStream.range(0, SOURCES)
      .mapToObj(i -> config("nguon-" + i, "Nguồn " + i, "https://tin.example.vn/" + i + ".rss"))
      .toList();

  @BeforeEach
  void sharedDatabase() throws Exception {
    vertx = StoreFixture.vertx();
    url = DATABASES.newDatabase();
    await(store().syncSources(sources));
  }

  @AfterEach
  void close() throws Exception {
    for (PgSourceLeases leases : opened) {
      await(leases.close());
    }
    for (PgStore store : stores) {
      await(store.close());
    }
    await(vertx.close());
  }

  private PgStore store() throws Exception {
    PgStore store = await(PgStore.open(vertx, url, 1, 2, CLOCK));
    stores.add(store);
    return store;
  }

  /** A new instance: its own store (connections) and holder id. */
  private PgSourceLeases instance(Duration leaseTime, int batch) throws Exception {
    PgSourceLeases leases = store().leases(leaseTime, batch);
    opened.add(leases);
    return leases;
  }

  @Test
  void instancesAskingAtOnceNeverGetTheSameSource() throws Exception {
    List<PgSourceLeases> instances = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      instances.add(instance(LONG, SOURCES));
    }
    for (int round = 0; round < 10; round++) {
      List<Future<List<Lease>>> asked = new ArrayList<>();
      for (PgSourceLeases instance : instances) {
        asked.add(instance.takeDue(sources));
      }
      List<List<Lease>> answers = new ArrayList<>();
      for (Future<List<Lease>> answer : asked) {
        answers.add(await(answer));
      }
      Set<String> taken = new HashSet<>();
      int leases = 0;
      for (List<Lease> answer : answers) {
        leases += answer.size();
        answer.forEach(lease -> taken.add(lease.source().id()));
      }
      assertThat(leases).as("round %d: leases handed out", round).isEqualTo(SOURCES);
      assertThat(taken).as("round %d: sources leased", round).hasSize(SOURCES);
      for (int i = 0; i < instances.size(); i++) {
        for (Lease lease : answers.get(i)) {
          // Due again at once, for the next round.
          await(instances.get(i).release(lease, polled(lease.source().id(), NOW)));
        }
      }
    }
  }

  @Test
  void aLeaseNobodyRenewsIsTakenOverWhenItRunsOut() throws Exception {
    PgSourceLeases dying = instance(SHORT, SOURCES);
    PgSourceLeases survivor = instance(LONG, SOURCES);
    long start = System.nanoTime();
    assertThat(await(dying.takeDue(sources))).hasSize(SOURCES);
    await(dying.close()); // stops renewing, releases nothing: as if it died

    assertThat(await(survivor.takeDue(sources))).isEmpty();
    List<Lease> takenOver = new ArrayList<>();
    eventually(Duration.ofSeconds(10), () -> {
      takenOver.addAll(await(survivor.takeDue(sources)));
      return takenOver.size() == SOURCES;
    });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(SHORT);
    assertThat(holders()).containsOnly(survivor.holder());
  }

  @Test
  void aRenewedLeaseOutlastsItsLeaseTime() throws Exception {
    PgSourceLeases holder = instance(SHORT, SOURCES);
    PgSourceLeases other = instance(LONG, SOURCES);
    assertThat(await(holder.takeDue(sources))).hasSize(SOURCES);
    long until = System.nanoTime() + SHORT.multipliedBy(4).toNanos();
    while (System.nanoTime() < until) {
      assertThat(await(other.takeDue(sources))).isEmpty();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    assertThat(holders()).containsOnly(holder.holder());
  }

  @Test
  void aReleasedLeaseGetsItsNextPollByTheDatabaseClock() throws Exception {
    PgSourceLeases first = instance(LONG, SOURCES);
    PgSourceLeases second = instance(LONG, SOURCES);
    SourceConfig source = sources.get(7);
    Lease lease = await(first.take(source)).orElseThrow();

    await(first.release(lease, polled(source.id(), NOW.plus(Duration.ofMinutes(10)))));

    try (Connection c = DATABASES.jdbc(url); Statement s = c.createStatement();
        ResultSet row = s.executeQuery("SELECT lease_holder, lease_until,"
            + " next_poll - (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT FROM sources"
            + " WHERE id = '" + source.id() + "'")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString(1)).isNull();
      assertThat(row.getObject(2)).isNull();
      // The instance's clock is months behind the database's: only the delay counts.
      assertThat(row.getLong(3)).isBetween(Duration.ofMinutes(10).minusSeconds(20).toMillis(),
          Duration.ofMinutes(10).toMillis());
    }
    assertThat(await(second.takeDue(List.of(source)))).isEmpty();
    Lease now = await(second.take(source)).orElseThrow(); // an admin's refresh: due or not
    await(second.release(now, null)); // not polled: due as before
    assertThat(await(second.takeDue(List.of(source)))).isEmpty();
  }

  /** An admin's refresh of every source: one statement; what another instance holds is left. */
  @Test
  void takeAllLeasesEveryFreeSourceDueOrNot() throws Exception {
    PgSourceLeases first = instance(LONG, SOURCES);
    PgSourceLeases second = instance(LONG, SOURCES);
    Lease held = await(first.take(sources.get(3))).orElseThrow();
    await(first.release(await(first.take(sources.get(4))).orElseThrow(),
        polled(sources.get(4).id(), NOW.plus(Duration.ofHours(1))))); // not due for an hour

    List<Lease> taken = await(second.takeAll(sources));

    assertThat(taken).extracting(lease -> lease.source().id())
        .hasSize(SOURCES - 1).doesNotContain(held.source().id())
        .contains(sources.get(4).id());
    assertThat(holders()).containsOnly(first.holder(), second.holder());
    assertThat(await(first.takeAll(sources))).extracting(lease -> lease.source().id())
        .isEmpty(); // its own lease is its poll's: not taken twice
  }

  /** Polls ending in one event-loop turn are released together, each with its own times. */
  @Test
  void releasesOfOneTurnEachLand() throws Exception {
    PgSourceLeases leases = instance(LONG, SOURCES);
    List<Lease> taken = await(leases.takeAll(sources.subList(0, 10)));
    assertThat(taken).hasSize(10);
    CompletableFuture<List<Future<Void>>> released = new CompletableFuture<>();
    vertx.getOrCreateContext().runOnContext(v -> released.complete(taken.stream()
        .map(lease -> {
          int n = Integer.parseInt(lease.source().id().substring("nguon-".length()));
          return leases.release(lease, new SourceState(lease.source().id(), null, null, null,
              NOW.plusSeconds(600), 0, n == 5 ? null : NOW.plusSeconds(60L * n), 304, null,
              null, false));
        })
        .toList()));
    for (Future<Void> release : released.get(10, TimeUnit.SECONDS)) {
      await(release);
    }

    assertThat(holders()).isEmpty();
    try (Connection c = DATABASES.jdbc(url); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT id, last_fetch FROM sources"
            + " WHERE id IN ('nguon-0', 'nguon-5', 'nguon-9') ORDER BY id")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(2)).isEqualTo(NOW.toEpochMilli());
      assertThat(rows.next()).isTrue();
      assertThat(rows.getObject(2)).isNull(); // none given, none stored before
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(2)).isEqualTo(NOW.plusSeconds(540).toEpochMilli());
    }
  }

  /** A poll that brought nothing new is stored by the release alone (PgStore#savePollTimes). */
  @Test
  void aReleaseStoresThePollTimes() throws Exception {
    PgStore store = stores.get(0);
    PgSourceLeases leases = instance(LONG, SOURCES);
    SourceConfig source = sources.get(5);
    SourceState polled = new SourceState(source.id(), null, "\"e1\"", null,
        NOW.plusSeconds(600), 0, NOW, 304, null, null, false);
    await(store.ingest(polled, List.of()));
    Lease lease = await(leases.take(source)).orElseThrow();
    SourceState again = new SourceState(source.id(), null, "\"e1\"", null,
        NOW.plusSeconds(1_500), 0, NOW.plusSeconds(900), 304, null, null, false);
    assertThat(lease.state().sameButTimes(again)).isTrue();

    await(store.savePollTimes(again));
    assertThat(await(store.sourceStates()).get(source.id()).lastFetch()).isEqualTo(NOW);
    await(leases.release(lease, again));

    SourceState stored = await(store.sourceStates()).get(source.id());
    assertThat(stored.lastFetch()).isEqualTo(NOW.plusSeconds(900));
    assertThat(stored.lastStatus()).isEqualTo(304);
  }

  @Test
  void aLeaseCarriesTheStateAnotherInstanceStored() throws Exception {
    PgStore other = store();
    SourceState stored = new SourceState("nguon-3", "https://tin.example.vn/moi.rss", "\"e1\"",
        "Mon, 10 Mar 2025 07:00:00 GMT", NOW.plusSeconds(600), 0, NOW, 200, null, null, false);
    await(other.ingest(stored, List.of()));
    SourceState failed = new SourceState("nguon-4", null, null, null, NOW.plusSeconds(60), 3,
        NOW, 503, "HTTP 503", "http_status", false);
    await(other.savePollState(failed));

    PgSourceLeases leases = instance(LONG, SOURCES);
    List<Lease> taken = await(leases.takeDue(sources));

    assertThat(taken).filteredOn(l -> l.source().id().equals("nguon-3")).singleElement()
        .extracting(Lease::state).isEqualTo(stored);
    assertThat(taken).filteredOn(l -> l.source().id().equals("nguon-4")).singleElement()
        .extracting(Lease::state).isEqualTo(failed);
    assertThat(leases.state("nguon-4")).isEqualTo(failed);
  }

  @Test
  void aLiveLeaseIsRefusedEvenToAnAdminRefresh() throws Exception {
    PgSourceLeases first = instance(LONG, SOURCES);
    PgSourceLeases second = instance(LONG, SOURCES);
    Lease lease = await(first.take(sources.get(0))).orElseThrow();
    assertThat(await(second.take(sources.get(0)))).isEmpty();
    await(first.release(lease, polled(sources.get(0).id(), NOW)));
    assertThat(await(second.take(sources.get(0)))).isPresent();
  }

  @Test
  void aGoneSourceIsNeverDueButAnAdminMayStillPollIt() throws Exception {
    await(stores.get(0).savePollState(new SourceState("nguon-0", null, null, null, null, 1, NOW,
        410, "gone", "gone", true)));
    PgSourceLeases leases = instance(LONG, SOURCES);
    assertThat(await(leases.takeDue(sources.subList(0, 1)))).isEmpty();
    assertThat(await(leases.take(sources.get(0)))).isPresent();
  }

  @Test
  void aFormerHolderNeitherReleasesNorRenewsALeaseTakenOver() throws Exception {
    PgSourceLeases former = instance(SHORT, SOURCES);
    PgSourceLeases current = instance(LONG, SOURCES);
    Lease old = await(former.take(sources.get(0))).orElseThrow();
    execute("UPDATE sources SET lease_until = 0"); // ran out while the holder was cut off
    Lease taken = await(current.take(sources.get(0))).orElseThrow();

    await(former.release(old, polled(old.source().id(), NOW)));

    assertThat(holders()).containsExactly(current.holder());
    assertThat(await(former.takeDue(sources.subList(0, 1)))).isEmpty();
    await(current.release(taken, null));
  }

  @Test
  void anInstanceHoldsAtMostItsBatch() throws Exception {
    PgSourceLeases small = instance(LONG, 3);
    PgSourceLeases other = instance(LONG, SOURCES);
    List<Lease> first = await(small.takeDue(sources));
    assertThat(first).hasSize(3);
    assertThat(await(small.takeDue(sources))).isEmpty();
    await(small.release(first.get(0), polled(first.get(0).source().id(), NOW.plusSeconds(600))));
    assertThat(await(small.takeDue(sources))).hasSize(1);
    assertThat(await(other.takeDue(sources))).hasSize(SOURCES - 4);
  }

  private static SourceState polled(String id, java.time.Instant nextPoll) {
    return new SourceState(id, null, null, null, nextPoll, 0, NOW, 304, null, null, false);
  }

  private List<String> holders() throws Exception {
    List<String> holders = new ArrayList<>();
    try (Connection c = DATABASES.jdbc(url); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT DISTINCT lease_holder FROM sources"
            + " WHERE lease_until > (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT")) {
      while (rows.next()) {
        holders.add(rows.getString(1));
      }
    }
    return holders;
  }

  private void execute(String sql) throws Exception {
    try (Connection c = DATABASES.jdbc(url); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Waits until {@code condition} holds, checking every 50 ms, at most {@code within}. */
  private static void eventually(Duration within, Callable<Boolean> condition)
      throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.call()) {
      assertThat(System.nanoTime()).as("condition not met within %s", within)
          .isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }
}
