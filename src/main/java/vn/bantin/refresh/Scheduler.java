package vn.bantin.refresh;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
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
 * bounded by the fetcher, so a slow source only ever holds its own slot. An admin's "poll now"
 * goes through {@link PollsNow}. Thread-safe.
 */
public final class Scheduler {
  private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());
  /** How often due sources are looked for; the finest grain of any poll time. */
  private static final long TICK_MILLIS = 1000;

  private final Vertx vertx;
  private final SourceLeases leases;
  private final LeasedPolls polls;
  private final PollsNow now;
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
    this.leases = leases;
    this.polls = new LeasedPolls(refresher, leases, listener, () -> {
      if (moreDue) {
        pollDue();
      }
    });
    this.now = new PollsNow(refresher, leases, polls, () -> looking);
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
    return now.all(config);
  }

  /**
   * Polls one source now, even a gone or disabled one; empty when no such source exists. A sum
   * of no source means another instance is polling it right now.
   */
  public Optional<Future<RefreshSummary>> refresh(String sourceId) {
    return config.source(sourceId).map(now::one);
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
}
