package vn.bantin.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import vn.bantin.model.SourceState;

/**
 * The poll states a store may write late: those whose only news, against the last state it
 * wrote of their source, is when the source was polled and when it is due next, as after every
 * 304 of a source that answered 304 before. Written one at a time they woke the store's writer
 * and cost a commit per event-loop turn of an unchanged poll cycle; held here, they are written
 * together every few seconds. What a crash loses of them is times only: after a restart such a
 * source is due by its older stored time, so it is polled once more, sooner. Thread-safe.
 */
final class PollTimes {
  /** The last state written of each source, by source id. */
  private final Map<String, SourceState> written = new ConcurrentHashMap<>();
  /** The states held back, newest per source, by source id. */
  private final Map<String, SourceState> held = new ConcurrentHashMap<>();

  /** Whether {@code state} differs from the last state written of its source in its times only. */
  boolean onlyTimesChanged(SourceState state) {
    SourceState before = written.get(state.sourceId());
    return before != null
        && Objects.equals(before.url(), state.url())
        && Objects.equals(before.etag(), state.etag())
        && Objects.equals(before.lastModified(), state.lastModified())
        && before.failures() == state.failures()
        && Objects.equals(before.lastStatus(), state.lastStatus())
        && Objects.equals(before.lastError(), state.lastError())
        && Objects.equals(before.errorCode(), state.errorCode())
        && before.gone() == state.gone();
  }

  /** Notes that {@code state} was written (committed) whole. */
  void written(SourceState state) {
    written.put(state.sourceId(), state);
  }

  /**
   * Holds {@code state} back to be written later.
   *
   * @return whether nothing else was held, so a write of the held states is to be arranged
   */
  boolean hold(SourceState state) {
    boolean first = held.isEmpty();
    held.put(state.sourceId(), state);
    return first;
  }

  /** Whether any state is held back. */
  boolean holding() {
    return !held.isEmpty();
  }

  /** Takes every state held back, to be written now. */
  List<SourceState> take() {
    List<SourceState> taken = new ArrayList<>(held.size());
    for (String id : held.keySet()) {
      SourceState state = held.remove(id);
      if (state != null) {
        taken.add(state);
      }
    }
    return taken;
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

  private static SourceState newer(SourceState row, SourceState state) {
    boolean later = row.lastFetch() == null
        || (state.lastFetch() != null && state.lastFetch().isAfter(row.lastFetch()));
    return later ? new SourceState(row.sourceId(), row.url(), row.etag(), row.lastModified(),
        state.nextPoll(), row.failures(), state.lastFetch(), row.lastStatus(), row.lastError(),
        row.errorCode(), row.gone()) : row;
  }
}
