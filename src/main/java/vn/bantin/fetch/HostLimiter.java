package vn.bantin.fetch;

import io.vertx.core.Handler;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Admits fetches under a global and a per-host limit. A fetch over a limit waits in one FIFO
 * queue without holding a thread; when a slot frees, the oldest waiter whose host has room goes
 * first, so a waiter stuck behind its own busy host never holds back other hosts. Confined to
 * the fetcher's event loop (no locks).
 */
final class HostLimiter {

  /** Fetches running on one host; kept once seen (hosts are the configured sources' few). */
  private static final class Host {
    int active;
  }

  private record Waiter(Host host, Handler<Boolean> admitted) {}

  private final int maxTotal;
  private final int maxPerHost;
  private final Map<String, Host> hosts = new HashMap<>();
  private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
  private int active;
  private boolean closed;

  HostLimiter(int maxTotal, int maxPerHost) {
    this.maxTotal = Math.max(1, maxTotal);
    this.maxPerHost = Math.max(1, maxPerHost);
  }

  /**
   * Calls {@code admitted} with {@code true} once a slot for {@code host} is held (at once when
   * there is room), or with {@code false} when the limiter is closed first. A holder must call
   * {@link #release} exactly once.
   */
  void acquire(String host, Handler<Boolean> admitted) {
    if (closed) {
      admitted.handle(false);
      return;
    }
    Host h = hosts.computeIfAbsent(host, name -> new Host());
    if (queue.isEmpty() && hasRoom(h)) {
      take(h);
      admitted.handle(true);
    } else {
      queue.add(new Waiter(h, admitted));
      admitNext();
    }
  }

  /** Gives back a slot of {@code host} and admits whoever can go now. */
  void release(String host) {
    active--;
    hosts.get(host).active--;
    admitNext();
  }

  /** Refuses every waiter and every later {@link #acquire}. */
  void close() {
    closed = true;
    while (!queue.isEmpty()) {
      queue.poll().admitted().handle(false);
    }
  }

  /** Number of fetches waiting for a slot. */
  int waiting() {
    return queue.size();
  }

  private void admitNext() {
    if (queue.isEmpty()) {
      return;
    }
    Iterator<Waiter> it = queue.iterator();
    while (active < maxTotal && it.hasNext()) {
      Waiter w = it.next();
      if (hasRoom(w.host())) {
        it.remove();
        take(w.host());
        w.admitted().handle(true);
        it = queue.iterator(); // the handler may have changed the queue
      }
    }
  }

  private boolean hasRoom(Host host) {
    return active < maxTotal && host.active < maxPerHost;
  }

  private void take(Host host) {
    active++;
    host.active++;
  }
}
