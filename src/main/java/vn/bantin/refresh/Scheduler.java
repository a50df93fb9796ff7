package vn.bantin.refresh;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.SourceConfig;
import vn.bantin.model.SourceState;
import vn.bantin.refresh.SourceLeases.Lease;

/**
 * Polls every enabled source when it is due, one poll per source at a time: it takes due sources
 * through {@link SourceLeases}, which say which are due and which no other poll (of this or,
 * with the shared store, another instance) holds. Fetch concurrency (global and per host) is
 * bounded by the fetcher, so a slow source only ever holds its own slot. Thread-safe.
 */
public final class Scheduler {
  private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());
  /** How often due sources are looked for; the finest grain of any poll time. */
  private static final long TICK_MILLIS = 1000;

  private final Vertx vertx;
  private final Refresher refresher;
  /** Where polls run: the fetcher's event loop ({@link Refresher#context}). */
  private final Context pollContext;
  private final SourceLeases leases;
  private final LeasedPolls polls;
  private volatile FeedsConfig config;
  private volatile boolean stopped;
  /** Whether a look for due sources is under way; ticks meanwhile do not start another. */
  private final AtomicBoolean taking = new AtomicBoolean();
  /**
   * Whether the last look leased anything: more may be due than one look hands out (the shared
   * store leases at most the fetch concurrency at once), so each finished poll looks again at
   * once instead of waiting for the next tick, until a look finds nothing.
   */
  private volatile boolean moreDue;
  /** Whether the last look for due sources failed (the store unreachable). */
  private volatile boolean leasingFails;
  /** The latest look for due sources; its handler starts the polls of what it leased. */
  private volatile Future<List<Lease>> looking = Future.succeededFuture(List.of());
  private long timer = -1;

  /** {@code listener} hears every finished poll, on an event loop. */
  public Scheduler(Vertx vertx, Refresher refresher, SourceLeases leases,
      Consumer<PollOutcome> listener) {
    this.vertx = vertx;
    this.refresher = refresher;
    this.leases = leases;
    this.polls = new LeasedPolls(refresher, leases, listener, () -> {
      if (moreDue) {
        pollDue();
      }
    });
    this.pollContext = polls.context();
  }

  /** Starts polling {@code config}'s sources from their stored {@code stored} states. */
  public synchronized void start(FeedsConfig config, Map<String, SourceState> stored) {
    this.config = config;
    leases.restore(stored);
    timer = vertx.setPeriodic(0, TICK_MILLIS, id -> pollDue());
  }

  /**
   * Polls {@code next}'s sources from now on: new ones at once, removed ones no more (a poll in
   * flight finishes), the others on their schedule with their state, except {@code reset} ones
   * (their URL changed), which start afresh.
   */
  public void apply(FeedsConfig next, Set<String> reset) {
    leases.reset(reset);
    this.config = next;
  }

  /** The sources polled now, as configured. */
  public FeedsConfig config() {
    return config;
  }

  /** The state of {@code sourceId}: stored, or initial when never polled. */
  public SourceState state(String sourceId) {
    return leases.state(sourceId);
  }

  /**
   * Polls every enabled source that is not gone now (joining polls already running) and sums
   * them up. A source another instance is polling right now is left out of the sum.
   */
  public Future<RefreshSummary> refreshAll() {
    Context caller = Vertx.currentContext();
    Promise<RefreshSummary> all = Promise.promise();
    if (caller == pollContext) {
      pollAll(all);
    } else {
      // The polls are started where they run, in one task: a hop per source onto the fetcher's
      // event loop would be a thousand tasks handed over for a thousand sources.
      pollContext.runOnContext(v -> pollAll(all));
    }
    return LeasedPolls.heardOn(caller, all.future());
  }

  private void pollAll(Promise<RefreshSummary> all) {
    List<SourceConfig> wanted = config.sources().stream()
        .filter(source -> source.enabled() && !state(source.id()).gone())
        .toList();
    pollNow(wanted).map(Scheduler::summary).onComplete(all);
  }

  /**
   * Polls one source now, even a gone or disabled one; empty when no such source exists. A sum
   * of no source means another instance is polling it right now.
   */
  public Optional<Future<RefreshSummary>> refresh(String sourceId) {
    Context caller = Vertx.currentContext();
    return config.source(sourceId).map(source ->
        LeasedPolls.heardOn(caller, pollNow(List.of(source)).map(Scheduler::summary)));
  }

  private static RefreshSummary summary(List<Optional<PollOutcome>> polls) {
    return RefreshSummary.of(polls.stream().flatMap(Optional::stream).toList());
  }

  /** Stops scheduling and completes once every poll in flight has finished. */
  public Future<Void> stop() {
    synchronized (this) {
      stopped = true;
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
    }
    return Future.join(polls.running()).eventually(leases::close).mapEmpty();
  }

  private void pollDue() {
    if (stopped || !taking.compareAndSet(false, true)) {
      return;
    }
    if (leases.full()) {
      // A look now would take nothing and say nothing is due: the polls holding the leases
      // look again as they end (moreDue is left as the last real look set it).
      taking.set(false);
      return;
    }
    List<SourceConfig> idle = config.sources().stream()
        .filter(source -> source.enabled() && polls.running(source.id()) == null)
        .toList();
    // Known as the look under way before its statement is sent, and handled here before any
    // admin refresh waiting on it goes on (listeners run in the order they were added).
    Promise<List<Lease>> look = Promise.promise();
    look.future().onComplete(taken -> {
      taking.set(false);
      moreDue = taken.succeeded() && !taken.result().isEmpty();
      if (taken.failed()) {
        // Once per outage, not once a second: the store may stay unreachable for a while.
        if (!leasingFails) {
          leasingFails = true;
          LOG.warning("due sources could not be leased (retried every second): "
              + taken.cause());
        }
        return;
      }
      if (leasingFails) {
        leasingFails = false;
        LOG.info("due sources can be leased again");
      }
      for (Lease lease : taken.result()) {
        if (stopped) {
          leases.release(lease, null);
        } else {
          polls.poll(lease);
        }
      }
    });
    looking = look.future();
    leases.takeDue(idle).onComplete(look);
  }

  /**
   * Joins the polls of {@code sources} running here, and leases and polls the others now, all in
   * one take (one statement with the shared store, however many sources).
   */
  private Future<List<Optional<PollOutcome>>> pollNow(List<SourceConfig> sources) {
    Future<List<Lease>> look = looking;
    if (!look.isComplete()) {
      // This instance's own look for due sources may be leasing some of them right now; once
      // its polls are under way, they are joined, not skipped as another instance's.
      return look.transform(done -> pollNow(sources));
    }
    List<Future<Optional<PollOutcome>>> outcomes = new ArrayList<>();
    List<SourceConfig> idle = new ArrayList<>();
    for (SourceConfig source : sources) {
      Future<PollOutcome> running = polls.running(source.id());
      if (running != null) {
        outcomes.add(running.map(Optional::of));
      } else {
        idle.add(source);
      }
    }
    return leases.takeAll(idle).transform(taken -> {
      if (taken.succeeded()) {
        // A source another instance is polling right now was not leased: left out of the sum.
        for (Lease lease : taken.result()) {
          outcomes.add(polls.poll(lease).map(Optional::of));
        }
      } else {
        outcomes.addAll(unreachable(idle, taken.cause()));
      }
      return Future.join(outcomes).map(done -> done.<Optional<PollOutcome>>list());
    });
  }

  /** The store is unreachable: nothing is fetched, since nothing could be stored. */
  private List<Future<Optional<PollOutcome>>> unreachable(List<SourceConfig> sources,
      Throwable e) {
    LOG.warning((sources.size() == 1 ? sources.get(0).id() : sources.size() + " sources")
        + " could not be leased: " + e);
    List<Future<Optional<PollOutcome>>> failed = new ArrayList<>(sources.size());
    for (SourceConfig source : sources) {
      PollOutcome outcome = refresher.storeUnreachable(source, state(source.id()), e);
      leases.note(outcome.state());
      failed.add(Future.succeededFuture(Optional.of(outcome)));
    }
    return failed;
  }
}
