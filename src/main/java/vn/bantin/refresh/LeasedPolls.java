package vn.bantin.refresh;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;
import vn.bantin.model.SourceState;
import vn.bantin.refresh.SourceLeases.Lease;

/**
 * The polls of leased sources running in this process, at most one per source: each runs on the
 * fetcher's event loop ({@link Refresher#context}), tells the listener how it ended, gives its
 * lease back with the state it ended with, and then calls {@code afterEach}. Thread-safe.
 */
final class LeasedPolls {
  private static final Logger LOG = Logger.getLogger(LeasedPolls.class.getName());

  private final Refresher refresher;
  private final Context pollContext;
  private final SourceLeases leases;
  private final Consumer<PollOutcome> listener;
  private final Runnable afterEach;
  private final Map<String, Future<PollOutcome>> inFlight = new ConcurrentHashMap<>();

  LeasedPolls(Refresher refresher, SourceLeases leases, Consumer<PollOutcome> listener,
      Runnable afterEach) {
    this.refresher = refresher;
    this.pollContext = refresher.context();
    this.leases = leases;
    this.listener = listener;
    this.afterEach = afterEach;
  }

  /** The context polls run on. */
  Context context() {
    return pollContext;
  }

  /** The poll of {@code sourceId} running here, or {@code null}. */
  Future<PollOutcome> running(String sourceId) {
    return inFlight.get(sourceId);
  }

  /** Every poll running here now. */
  List<Future<PollOutcome>> running() {
    return new ArrayList<>(inFlight.values());
  }

  /** Polls a leased source and releases it, or joins the poll of it already running here. */
  Future<PollOutcome> poll(Lease lease) {
    String id = lease.source().id();
    Promise<PollOutcome> promise = Promise.promise();
    Future<PollOutcome> running = inFlight.putIfAbsent(id, promise.future());
    if (running != null) {
      // Leased twice here only when a lease ran out mid-poll; the poll running decides.
      leases.release(lease, null);
      return running;
    }
    if (Vertx.currentContext() == pollContext) {
      start(lease, promise);
    } else {
      // One hop onto the fetcher's event loop: the fetch, the store's answer and the release
      // below then all come back to that one thread, none to the caller's.
      pollContext.runOnContext(v -> start(lease, promise));
    }
    return promise.future();
  }

  private void start(Lease lease, Promise<PollOutcome> promise) {
    String id = lease.source().id();
    refresher.refresh(lease.source(), lease.state()).onComplete(done -> {
      // refresh never fails; a failed future here would be a bug in it, so keep the old state.
      SourceState after = done.succeeded() ? done.result().state() : null;
      if (done.succeeded()) {
        listener.accept(done.result());
      }
      leases.release(lease, after).onComplete(released -> {
        if (released.failed()) {
          LOG.warning(id + " could not be released: " + released.cause());
        }
        inFlight.remove(id);
        promise.handle(done);
        afterEach.run();
      });
    });
  }

  /**
   * {@code result}, heard on {@code caller} when there is one: polls end on the fetcher's event
   * loop, an admin's answer is written on the server's.
   */
  static <T> Future<T> heardOn(Context caller, Future<T> result) {
    if (caller == null) {
      return result;
    }
    Promise<T> heard = Promise.promise();
    result.onComplete(done -> {
      if (Vertx.currentContext() == caller) {
        heard.handle(done);
      } else {
        caller.runOnContext(v -> heard.handle(done));
      }
    });
    return heard.future();
  }
}
