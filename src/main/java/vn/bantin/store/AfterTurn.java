package vn.bantin.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Starts a write once the caller's event-loop turn is over, so that the writes of the polls that
 * ended in one turn (one wake-up of the loop serves the answers of several upstreams) reach the
 * store's single writer together: one wake-up of that thread and one commit for all of them, not
 * one each (bench/README.md, "Poll cycle").
 */
final class AfterTurn {
  private AfterTurn() {}

  /**
   * {@code write}, started in the next turn of the caller's event loop (at once outside Vert.x);
   * the future completes as its future does, or fails when it throws instead.
   */
  static <T> Future<T> start(Supplier<Future<T>> write) {
    Context here = Vertx.currentContext();
    if (here == null) {
      return write.get();
    }
    Promise<T> done = Promise.promise();
    here.runOnContext(v -> {
      try {
        write.get().onComplete(done);
      } catch (RuntimeException e) {
        done.fail(e); // a write that throws instead of failing still ends
      }
    });
    return done.future();
  }
}
