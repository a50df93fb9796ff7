package vn.bantin.refresh;

import vn.bantin.model.Failure;
import vn.bantin.model.SourceState;
import vn.bantin.store.IngestResult;

/**
 * How one poll of one source ended.
 *
 * @param state the source's state after the poll, as stored
 * @param kind what the upstream gave
 * @param ingest what the store did with the entries ({@link IngestResult#NOTHING} unless fetched)
 * @param failure why it failed, or {@code null}
 */
public record PollOutcome(SourceState state, Kind kind, IngestResult ingest, Failure failure) {

  /** What the upstream gave. */
  public enum Kind { FETCHED, NOT_MODIFIED, FAILED }

  public String sourceId() {
    return state.sourceId();
  }
}
