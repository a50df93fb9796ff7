package vn.bantin.fetch;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The absolute deadlines of the fetches in flight, all of one allowance, kept under one Vert.x
 * timer instead of one timer per fetch. Fetches start one after another on the fetcher's event
 * loop with the same allowance, so their deadlines fall in the order they started: the list is
 * kept in that order, a fetch that ends leaves it at once from wherever it is, and the timer only
 * ever waits for the first. (A timer per fetch cost a map entry and a scheduled task to add and
 * again to cancel, 4% of the fetch loop in an unchanged poll cycle: bench/README.md, "Poll
 * cycle".) Confined to the fetcher's event loop; time is {@code nanoTime}, never the wall clock.
 */
final class Deadlines {

  /** One fetch's place in the list, from {@link #start} until it ends or expires. */
  static final class Entry {
    private final long dueNanos;
    private final Runnable onExpiry;
    private Entry previous;
    private Entry next;
    private boolean listed;

    private Entry(long dueNanos, Runnable onExpiry) {
      this.dueNanos = dueNanos;
      this.onExpiry = onExpiry;
    }
  }

  private final Vertx vertx;
  private final long allowanceNanos;
  private final LongSupplier nanoTime;
  private Entry first;
  private Entry last;
  private boolean timerSet;

  /** Deadlines of {@code allowance} (at least 1 ms) from each start, on {@code vertx}'s timers. */
  Deadlines(Vertx vertx, Duration allowance) {
    this(vertx, allowance, System::nanoTime);
  }

  /** For tests: {@code nanoTime} replaces {@link System#nanoTime}. */
  Deadlines(Vertx vertx, Duration allowance, LongSupplier nanoTime) {
    this.vertx = vertx;
    this.allowanceNanos = Math.max(1, allowance.toMillis()) * 1_000_000L;
    this.nanoTime = nanoTime;
  }

  /** The allowance in milliseconds, as failures state it. */
  long allowanceMillis() {
    return allowanceNanos / 1_000_000L;
  }

  /**
   * Starts a deadline now: {@code onExpiry} runs on this event loop once the allowance has passed,
   * unless {@link #end} came first.
   */
  Entry start(Runnable onExpiry) {
    Entry entry = new Entry(nanoTime.getAsLong() + allowanceNanos, onExpiry);
    entry.previous = last;
    if (last == null) {
      first = entry;
    } else {
      last.next = entry;
    }
    last = entry;
    entry.listed = true;
    if (!timerSet) {
      arm();
    }
    return entry;
  }

  /** Ends {@code entry}'s deadline; nothing happens when it already ended or expired. */
  void end(Entry entry) {
    if (!entry.listed) {
      return;
    }
    entry.listed = false;
    if (entry.previous == null) {
      first = entry.next;
    } else {
      entry.previous.next = entry.next;
    }
    if (entry.next == null) {
      last = entry.previous;
    } else {
      entry.next.previous = entry.previous;
    }
    entry.previous = null;
    entry.next = null;
    // The timer stays set: when it fires it waits again for whichever deadline is first then.
  }

  /** Deadlines still running. */
  int running() {
    int n = 0;
    for (Entry e = first; e != null; e = e.next) {
      n++;
    }
    return n;
  }

  private void arm() {
    long waitNanos = first.dueNanos - nanoTime.getAsLong();
    long waitMillis = Math.max(1, (waitNanos + 999_999) / 1_000_000);
    timerSet = true;
    vertx.setTimer(waitMillis, id -> expire());
  }

  private void expire() {
    timerSet = false;
    long now = nanoTime.getAsLong();
    while (first != null && first.dueNanos - now <= 0) {
      Entry due = first;
      end(due);
      due.onExpiry.run(); // may start other deadlines, and set the timer for them
    }
    if (first != null && !timerSet) {
      arm();
    }
  }
}
