package vn.bantin.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Logger;
import vn.bantin.model.SourceState;

/**
 * The poll states the SQLite store writes late: those whose only news, against the last state it
 * wrote of their source, is when the source was polled and when it is due next, as after every
 * 304 of a source that answered 304 before. Written one at a time they woke the store's writer
 * and cost a commit per event-loop turn of an unchanged poll cycle; held here, they are written
 * together within a few seconds, and before the store closes. What a crash loses of them is times
 * only: after a restart such a source is due by its older stored time, so it is polled once more,
 * sooner. Thread-safe.
 */
final class PollTimes {
  private static final Logger LOG = Logger.getLogger(PollTimes.class.getName());

  private final Vertx vertx;
  private final long delayMillis;
  /** Submits a write to the store's writer thread. */
  private final Function<Jdbc.Work<Void>, Future<Void>> writer;
  private final StatementCache statements;
  private final InstantSource clock;
  /** The last state written whole of each source, by source id. */
  private final Map<String, SourceState> written = new ConcurrentHashMap<>();
  /** The states held back, newest per source, by source id. */
  private final Map<String, SourceState> held = new ConcurrentHashMap<>();
  /** Whether a timer will write what is held now. */
  private final AtomicBoolean timerSet = new AtomicBoolean();

  /**
   * Writes held states within {@code delay} through {@code writer}, with the writer thread's
   * {@code statements}, stamped by {@code clock}.
   */
  PollTimes(Vertx vertx, Duration delay, Function<Jdbc.Work<Void>, Future<Void>> writer,
      StatementCache statements, InstantSource clock) {
    this.vertx = vertx;
    this.delayMillis = Math.max(1, delay.toMillis());
    this.writer = writer;
    this.statements = statements;
    this.clock = clock;
  }

  /**
   * Holds {@code state} back when its times are its only news against the last state written
   * whole of its source.
   *
   * @return whether it was held; if not, it is to be written whole now
   */
  boolean hold(SourceState state) {
    if (!onlyTimesChanged(state)) {
      return false;
    }
    held.put(state.sourceId(), state);
    if (timerSet.compareAndSet(false, true)) {
      vertx.setTimer(delayMillis, id -> writeHeld());
    }
    return true;
  }

  /** Notes that {@code state} was written (committed) whole. */
  void written(SourceState state) {
    written.put(state.sourceId(), state);
  }

  /**
   * Writes the times of every state held back, in one transaction, each only over an older
   * fetch, so that a state written whole after it was held is never undone.
   */
  Future<Void> writeHeld() {
    // Cleared first: a state held from now on sets a timer of its own, and one held before
    // is in the map already, so the write below takes it.
    timerSet.set(false);
    if (held.isEmpty()) {
      return Future.succeededFuture();
    }
    return writer.apply(c -> {
      Instant now = clock.instant();
      for (SourceState state : take()) {
        SourceStateDao.saveTimes(statements, state, now);
      }
      return null;
    }).onFailure(e -> LOG.warning("poll times could not be stored (the sources are polled"
        + " once more after a restart): " + e));
  }

  /** {@code stored} with the times of the states held back, which are newer. */
  Map<String, SourceState> over(Map<String, SourceState> stored) {
    if (held.isEmpty()) {
      return stored;
    }
    Map<String, SourceState> states = new LinkedHashMap<>(stored);
    for (SourceState state : held.values()) {
      states.computeIfPresent(state.sourceId(), (id, row) -> newer(row, state));
    }
    return states;
  }

  private boolean onlyTimesChanged(SourceState state) {
    SourceState before = written.get(state.sourceId());
    return before != null && before.sameButTimes(state);
  }

  private List<SourceState> take() {
    List<SourceState> taken = new ArrayList<>(held.size());
    for (String id : held.keySet()) {
      SourceState state = held.remove(id);
      if (state != null) {
        taken.add(state);
      }
    }
    return taken;
  }

  private static SourceState newer(SourceState row, SourceState state) {
    boolean later = row.lastFetch() == null
        || (state.lastFetch() != null && state.lastFetch().isAfter(row.lastFetch()));
    return later ? new SourceState(row.sourceId(), row.url(), row.etag(), row.lastModified(),
        state.nextPoll(), row.failures(), state.lastFetch(), row.lastStatus(), row.lastError(),
        row.errorCode(), row.gone()) : row;
  }
}
