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
import vn.bantin.config.SourceConfig;
import vn.bantin.model.SourceState;

/**
 * The leases of one process (SQLite): each source's state in memory, due when its next poll has
 * come, leased to at most one poll of this process. Nothing runs out: a process that dies takes
 * its leases with it.
 */
public final class LocalSourceLeases implements SourceLeases {
  private final InstantSource clock;
  private final Map<String, SourceState> states = new ConcurrentHashMap<>();
  private final Set<String> held = ConcurrentHashMap.newKeySet();

  /** {@code clock} says when a source is due. */
  public LocalSourceLeases(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public void restore(Map<String, SourceState> stored) {
    states.putAll(stored);
  }

  @Override
  public Future<List<Lease>> takeDue(List<SourceConfig> sources) {
    Instant now = clock.instant();
    List<Lease> taken = new ArrayList<>();
    for (SourceConfig source : sources) {
      SourceState state = state(source.id());
      boolean due = state.nextPoll() == null || !state.nextPoll().isAfter(now);
      if (due && !state.gone() && held.add(source.id())) {
        taken.add(new Lease(source, state));
      }
    }
    return Future.succeededFuture(taken);
  }

  @Override
  public Future<Optional<Lease>> take(SourceConfig source) {
    return Future.succeededFuture(held.add(source.id())
        ? Optional.of(new Lease(source, state(source.id())))
        : Optional.empty());
  }

  @Override
  public Future<Void> release(Lease lease, SourceState after) {
    if (after != null) {
      states.put(lease.source().id(), after);
    }
    held.remove(lease.source().id());
    return Future.succeededFuture();
  }

  @Override
  public void note(SourceState state) {
    states.put(state.sourceId(), state);
  }

  @Override
  public void reset(Set<String> sourceIds) {
    sourceIds.forEach(states::remove);
  }

  @Override
  public SourceState state(String sourceId) {
    SourceState known = states.get(sourceId);
    return known != null ? known : SourceState.initial(sourceId);
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
