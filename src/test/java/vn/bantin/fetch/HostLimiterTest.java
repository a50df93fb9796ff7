package vn.bantin.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostLimiterTest {

  private final List<String> admitted = new ArrayList<>();

  private void acquire(HostLimiter limiter, String host, String name) {
    limiter.acquire(host, ok -> admitted.add(ok ? name : name + " refused"));
  }

  @Test
  void perHostLimitQueuesTheRestInOrder() {
    HostLimiter limiter = new HostLimiter(10, 2);
    acquire(limiter, "vov.vn", "a");
    acquire(limiter, "vov.vn", "b");
    acquire(limiter, "vov.vn", "c");
    acquire(limiter, "vov.vn", "d");

    assertThat(admitted).containsExactly("a", "b");
    limiter.release("vov.vn");
    assertThat(admitted).containsExactly("a", "b", "c");
    limiter.release("vov.vn");
    assertThat(admitted).containsExactly("a", "b", "c", "d");
  }

  @Test
  void waiterForABusyHostDoesNotBlockAnotherHost() {
    HostLimiter limiter = new HostLimiter(3, 1);
    acquire(limiter, "slow.vn", "slow1");
    acquire(limiter, "slow.vn", "slow2"); // queued behind its own host
    acquire(limiter, "fast.vn", "fast");

    assertThat(admitted).containsExactly("slow1", "fast");
    assertThat(limiter.waiting()).isEqualTo(1);
  }

  @Test
  void globalLimitAdmitsTheOldestWaiterThatHasRoom() {
    HostLimiter limiter = new HostLimiter(2, 1);
    acquire(limiter, "a.vn", "a1");
    acquire(limiter, "b.vn", "b1");
    acquire(limiter, "a.vn", "a2"); // waits for a.vn and for a global slot
    acquire(limiter, "c.vn", "c1"); // waits for a global slot only

    limiter.release("b.vn");
    assertThat(admitted).containsExactly("a1", "b1", "c1"); // a2 still has no room on a.vn
    limiter.release("a.vn");
    assertThat(admitted).containsExactly("a1", "b1", "c1", "a2");
  }

  @Test
  void closeRefusesWaitersAndLaterRequests() {
    HostLimiter limiter = new HostLimiter(1, 1);
    acquire(limiter, "a.vn", "first");
    acquire(limiter, "a.vn", "second");

    limiter.close();
    acquire(limiter, "b.vn", "third");

    assertThat(admitted).containsExactly("first", "second refused", "third refused");
  }
}
