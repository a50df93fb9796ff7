package vn.bantin.fetch;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.net.InetAddress;
import java.util.function.Predicate;
import vn.bantin.model.Failure;
import vn.bantin.model.FailureCode;

/**
 * Resolves a host on a worker thread and vets every address it resolves to. The fetch then
 * connects to the vetted address itself, so a DNS answer that changes between check and connect
 * (DNS rebinding) cannot steer it elsewhere.
 */
final class CheckedResolver {

  /** Either the address to connect to or why there is none. */
  record Checked(InetAddress address, Failure failure) {}

  private final WorkerExecutor dnsPool;
  private final Predicate<InetAddress> isPublic;

  CheckedResolver(WorkerExecutor dnsPool, Predicate<InetAddress> isPublic) {
    this.dnsPool = dnsPool;
    this.isPublic = isPublic;
  }

  /**
   * Resolves {@code host} (a name or a literal in any form {@link InetAddress} accepts, such as
   * {@code 2130706433}) and checks all its addresses: one non-public address refuses the host,
   * because the name could send any later connection there. The future does not fail; a lookup
   * error becomes a {@link Checked} with a failure.
   */
  Future<Checked> resolve(String host) {
    // getAllByName blocks (the system resolver); it runs on the dedicated DNS pool so a slow
    // name server never holds an event loop or the shared worker pool.
    return dnsPool.executeBlocking(() -> InetAddress.getAllByName(host), false)
        .map(this::check)
        .otherwise(error -> new Checked(null, Failures.of(error)));
  }

  private Checked check(InetAddress[] addresses) {
    for (InetAddress a : addresses) {
      if (!isPublic.test(a)) {
        return new Checked(null, new Failure(FailureCode.ADDRESS_BLOCKED,
            "resolves to non-public address " + a.getHostAddress()));
      }
    }
    // Strip the host name: Vert.x gets a bare literal and has nothing left to resolve.
    try {
      return new Checked(InetAddress.getByAddress(addresses[0].getAddress()), null);
    } catch (java.net.UnknownHostException e) {
      return new Checked(null, Failures.of(e)); // cannot happen for 4 or 16 bytes
    }
  }
}
