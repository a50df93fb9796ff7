package vn.bantin.refresh;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.bantin.config.SourceConfig;
import vn.bantin.model.SourceState;

/**
 * The leases of one process (SQLite): each source's state in memory, due when its next poll has
 * come, leased to at most one poll of this process. Nothing runs out: a process that dies takes
 * its leases with it.
 */
public final class LocalSourceLeases implements SourceLeases {
  /**
   * One source's latest state and whether a poll holds it, in one entry: a poll takes and
   * releases its source with one map lookup each, not one per map (bench/README.md, "Poll cycle").
   */
  private static final class Slot {
    /** {@code null} when never polled or reset. */
    volatile SourceState state;
    final AtomicBoolean held = new AtomicBoolean();
  }

  private final InstantSource clock;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();

  /** {@code clock} says when a source is due. */
  public LocalSourceLeases(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public void restore(Map<String, SourceState> stored) {
    stored.forEach((id, state) -> slot(id).state = state);
  }

  @Override
  public Future<List<Lease>> takeDue(List<SourceConfig> sources) {
    Instant now = clock.instant();
    List<Lease> taken = new ArrayList<>();
    for (SourceConfig source : sources) {
      Slot slot = slot(source.id());
      SourceState state = stateOf(source.id(), slot);
      boolean due = state.nextPoll() == null || !state.nextPoll().isAfter(now);
      if (due && !state.gone() && slot.held.compareAndSet(false, true)) {
        taken.add(new Lease(source, state));
      }
    }
    return Future.succeededFuture(taken);
  }

  @Override
  public Future<Optional<Lease>> take(SourceConfig source) {
    return Future.succeededFuture(Optional.ofNullable(lease(source)));
  }

  @Override
  public Future<List<Lease>> takeAll(List<SourceConfig> sources) {
    // A loop, not a future per source joined: an admin's refresh of a thousand sources.
    List<Lease> taken = new ArrayList<>(sources.size());
    for (SourceConfig source : sources) {
      Lease lease = lease(source);
      if (lease != null) {
        taken.add(lease);
      }
    }
    return Future.succeededFuture(taken);
  }

  @Override
  public Future<Void> release(Lease lease, SourceState after) {
    Slot slot = slot(lease.source().id());
    if (after != null) {
      slot.state = after;
    }
    slot.held.set(false);
    return Future.succeededFuture();
  }

  @Override
  public void note(SourceState state) {
    slot(state.sourceId()).state = state;
  }

  @Override
  public void reset(Set<String> sourceIds) {
    for (String id : sourceIds) {
      Slot slot = slots.get(id);
      if (slot != null) {
        slot.state = null;
      }
    }
  }

  @Override
  public SourceState state(String sourceId) {
    return stateOf(sourceId, slots.get(sourceId));
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  /** A lease of {@code source}, due or not; {@code null} when a poll holds it. */
  private Lease lease(SourceConfig source) {
    Slot slot = slot(source.id());
    return slot.held.compareAndSet(false, true)
        ? new Lease(source, stateOf(source.id(), slot)) : null;
  }

  private Slot slot(String sourceId) {
    Slot slot = slots.get(sourceId);
    return slot != null ? slot : slots.computeIfAbsent(sourceId, id -> new Slot());
  }

  private static SourceState stateOf(String sourceId, Slot slot) {
    SourceState known = slot == null ? null : slot.state;
    return known != null ? known : SourceState.initial(sourceId);
  }
}
