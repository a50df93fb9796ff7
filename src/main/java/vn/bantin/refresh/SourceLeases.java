package vn.bantin.refresh;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.bantin.config.SourceConfig;
import vn.bantin.model.SourceState;

/**
 * Which sources this instance polls, and when: the {@link Scheduler} takes due sources through
 * it and gives each back when its poll is done. A source leased to one poll is leased to no
 * other, in this process ({@link LocalSourceLeases}) or across every instance sharing one
 * database ({@code vn.bantin.store.pg.PgSourceLeases}). Thread-safe; futures never fail unless
 * the store is unreachable.
 */
public interface SourceLeases {

  /**
   * A source this instance may poll now.
   *
   * @param source the source as configured here
   * @param state its latest stored state, to poll from (validators, failures, URL)
   */
  record Lease(SourceConfig source, SourceState state) {}

  /** Learns the states stored before this start. */
  void restore(Map<String, SourceState> stored);

  /**
   * Leases the sources among {@code sources} that are due now, not gone and leased to no one.
   *
   * @param sources enabled sources of this instance's configuration
   */
  Future<List<Lease>> takeDue(List<SourceConfig> sources);

  /**
   * Whether this instance holds as many leases as it may at once, so that {@link #takeDue} now
   * would take nothing however many sources are due. Without a limit, never.
   */
  default boolean full() {
    return false;
  }

  /**
   * Leases {@code source} now, due or not, gone or not (an admin's refresh).
   *
   * @return empty when a poll of it holds the lease right now
   */
  Future<Optional<Lease>> take(SourceConfig source);

  /**
   * Leases each of {@code sources} now, due or not, gone or not (an admin's refresh of them all);
   * those a poll holds right now are left out.
   */
  default Future<List<Lease>> takeAll(List<SourceConfig> sources) {
    List<Future<Optional<Lease>>> taken = sources.stream().map(this::take).toList();
    return Future.all(taken).map(done -> taken.stream()
        .flatMap(lease -> lease.result().stream()).toList());
  }

  /**
   * Gives {@code lease} back after its poll.
   *
   * @param after the state the poll ended with (already stored), due again at its {@code
   *     nextPoll}; {@code null} when the source was not polled, which leaves it due as before
   */
  Future<Void> release(Lease lease, SourceState after);

  /**
   * Remembers {@code state}, how an attempt to poll its source ended though the store could not
   * keep it (the store was unreachable): {@link #state} shows it, nothing else changes.
   */
  void note(SourceState state);

  /** Forgets the state of {@code sourceIds} (their configured URL changed): due at once. */
  void reset(Set<String> sourceIds);

  /** The latest state of {@code sourceId} this instance knows; initial when none. */
  SourceState state(String sourceId);

  /**
   * Stops renewing leases; leases still held are left to run out, and later calls take
   * nothing and release nothing. Idempotent.
   */
  Future<Void> close();
}
