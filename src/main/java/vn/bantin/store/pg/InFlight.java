package vn.bantin.store.pg;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.function.Supplier;

/** Counts the calls in flight, so that closing waits for them and refuses new ones. */
final class InFlight {

  private int running;
  private Promise<Void> drained;

  /** Starts {@code work} unless closed; its future fails with IllegalStateException if closed. */
  <T> Future<T> track(Supplier<Future<T>> work) {
    synchronized (this) {
      if (drained != null) {
        return Future.failedFuture(new IllegalStateException("store closed"));
      }
      running++;
    }
    Future<T> started;
    try {
      started = work.get();
    } catch (RuntimeException e) {
      started = Future.failedFuture(e);
    }
    return started.andThen(done -> finished());
  }

  /** Refuses new calls; completes when every call already started has completed. */
  Future<Void> close() {
    Promise<Void> promise;
    synchronized (this) {
      if (drained == null) {
        drained = Promise.promise();
        if (running == 0) {
          drained.complete();
        }
      }
      promise = drained;
    }
    return promise.future();
  }

  private void finished() {
    Promise<Void> toComplete = null;
    synchronized (this) {
      running--;
      if (running == 0 && drained != null) {
        toComplete = drained;
      }
    }
    if (toComplete != null) {
      toComplete.tryComplete();
    }
  }
}
