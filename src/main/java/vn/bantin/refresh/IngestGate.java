package vn.bantin.refresh;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;

/**
 * Lets at most {@code limit} fetched bodies at a time into parse and store; the others wait, in
 * arrival order, as the bytes they came as. Without it a cycle in which every source changed
 * parses all bodies at once (fetching is fast, the store's one writer is not): the parse pool
 * runs flat out at the start of the cycle, competing with the event loops that serve readers,
 * and every parsed entry of the cycle waits in memory for the writer. Behind the gate parsing
 * keeps pace with the writer and the cycle takes as long as the writer needs anyway.
 * Thread-safe; {@link #leave} may be called from any thread.
 */
final class IngestGate {
  private final int limit;
  private final ArrayDeque<Promise<Void>> waiting = new ArrayDeque<>();
  private int inside;

  /** @param limit bodies parsed or stored at once, at least 1 */
  IngestGate(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    this.limit = limit;
  }

  /** Completes once the caller is inside; it must then {@link #leave} exactly once. */
  Future<Void> enter() {
    Promise<Void> admitted = Promise.promise();
    synchronized (this) {
      if (inside >= limit) {
        waiting.add(admitted);
        return admitted.future();
      }
      inside++;
    }
    admitted.complete();
    return admitted.future();
  }

  /** Gives the place to the oldest waiter, if any. */
  void leave() {
    Promise<Void> next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        inside--;
      }
    }
    if (next != null) {
      next.complete(); // outside the lock: the waiter's continuation runs here
    }
  }

  /** Bodies waiting to enter. */
  synchronized int waiting() {
    return waiting.size();
  }
}
