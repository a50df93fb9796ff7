package vn.bantin.refresh;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import vn.bantin.model.SourceState;
import vn.bantin.store.Store;

/**
 * Hands the states of polls without entries (304s, failures) to the store once the event loop's
 * current turn is over, so that the states of the polls that ended in one turn (one wake-up of
 * the loop serves the answers of several upstreams) reach the store's single writer together:
 * one wake-up of that thread and one commit for all of them, not one each. In an unchanged
 * cycle every poll ends in such a write; handed over one at a time they woke the writer for each
 * (bench/README.md, "Poll cycle"). Thread-safe.
 */
final class StateSaves {
  private final Store store;

  StateSaves(Store store) {
    this.store = store;
  }

  /**
   * {@link Store#savePollState} of {@code state}, in the next turn of the caller's event loop
   * (at once outside Vert.x); the future completes once the store has the state, or failed.
   */
  Future<Void> save(SourceState state) {
    Context here = Vertx.currentContext();
    if (here == null) {
      return store.savePollState(state);
    }
    Promise<Void> saved = Promise.promise();
    here.runOnContext(v -> {
      try {
        store.savePollState(state).onComplete(saved);
      } catch (RuntimeException e) {
        saved.fail(e); // the poll must end even when the store throws instead of failing
      }
    });
    return saved.future();
  }
}
