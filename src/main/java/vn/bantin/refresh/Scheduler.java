package vn.bantin.refresh;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.SourceConfig;
import vn.bantin.model.SourceState;

/**
 * Polls every enabled source when it is due, one poll per source at a time. Fetch concurrency
 * (global and per host) is bounded by the fetcher, so a slow source only ever holds its own slot.
 * Thread-safe: state lives in concurrent maps updated as polls complete.
 */
public final class Scheduler {
  /** How often due sources are looked for; the finest grain of any poll time. */
  private static final long TICK_MILLIS = 1000;

  private final Vertx vertx;
  private final Refresher refresher;
  private final InstantSource clock;
  private final Consumer<PollOutcome> listener;
  private final Map<String, SourceState> states = new ConcurrentHashMap<>();
  private final Map<String, Future<PollOutcome>> inFlight = new ConcurrentHashMap<>();
  private volatile FeedsConfig config;
  private volatile boolean stopped;
  private long timer = -1;

  /** {@code listener} hears every finished poll, on an event loop. */
  public Scheduler(Vertx vertx, Refresher refresher, InstantSource clock,
      Consumer<PollOutcome> listener) {
    this.vertx = vertx;
    this.refresher = refresher;
    this.clock = clock;
    this.listener = listener;
  }

  /** Starts polling {@code config}'s sources from their stored {@code stored} states. */
  public synchronized void start(FeedsConfig config, Map<String, SourceState> stored) {
    this.config = config;
    states.putAll(stored);
    timer = vertx.setPeriodic(0, TICK_MILLIS, id -> pollDue());
  }

  /**
   * Polls {@code next}'s sources from now on: new ones at once, removed ones no more (a poll in
   * flight finishes), the others on their schedule with their state, except {@code reset} ones
   * (their URL changed), which start afresh.
   */
  public void apply(FeedsConfig next, Set<String> reset) {
    reset.forEach(states::remove);
    this.config = next;
  }

  /** The sources polled now, as configured. */
  public FeedsConfig config() {
    return config;
  }

  /** The state of {@code sourceId}: stored, or initial when never polled. */
  public SourceState state(String sourceId) {
    return states.getOrDefault(sourceId, SourceState.initial(sourceId));
  }

  /**
   * Polls every enabled source that is not gone now (joining polls already running) and sums
   * them up.
   */
  public Future<RefreshSummary> refreshAll() {
    List<Future<PollOutcome>> polls = new ArrayList<>();
    for (SourceConfig source : config.sources()) {
      if (source.enabled() && !state(source.id()).gone()) {
        polls.add(poll(source));
      }
    }
    return Future.join(polls).map(all -> RefreshSummary.of(all.<PollOutcome>list()));
  }

  /** Polls one source now, even a gone or disabled one; empty when no such source exists. */
  public Optional<Future<RefreshSummary>> refresh(String sourceId) {
    return config.source(sourceId)
        .map(source -> poll(source).map(outcome -> RefreshSummary.of(List.of(outcome))));
  }

  /** Stops scheduling and completes once every poll in flight has finished. */
  public Future<Void> stop() {
    synchronized (this) {
      stopped = true;
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
    }
    return Future.join(new ArrayList<>(inFlight.values())).mapEmpty();
  }

  private void pollDue() {
    if (stopped) {
      return;
    }
    Instant now = clock.instant();
    for (SourceConfig source : config.sources()) {
      SourceState state = state(source.id());
      boolean due = state.nextPoll() == null || !state.nextPoll().isAfter(now);
      if (source.enabled() && !state.gone() && due && !inFlight.containsKey(source.id())) {
        poll(source);
      }
    }
  }

  /** Starts a poll of {@code source}, or joins the one already running. */
  private Future<PollOutcome> poll(SourceConfig source) {
    Promise<PollOutcome> promise = Promise.promise();
    Future<PollOutcome> running = inFlight.putIfAbsent(source.id(), promise.future());
    if (running != null) {
      return running;
    }
    refresher.refresh(source, state(source.id())).onComplete(done -> {
      // refresh never fails; a failed future here would be a bug in it, so keep the old state.
      if (done.succeeded()) {
        states.put(source.id(), done.result().state());
        listener.accept(done.result());
      }
      inFlight.remove(source.id());
      promise.handle(done);
    });
    return promise.future();
  }
}
