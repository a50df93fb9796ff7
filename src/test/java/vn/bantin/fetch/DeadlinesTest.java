package vn.bantin.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One timer for every fetch's deadline: expiry in start order, ended deadlines never expire, a
 * deadline started meanwhile gets its whole allowance. The list reads a fake nano clock; the
 * Vert.x timer only says when to look at it.
 */
class DeadlinesTest {

  private static final long MS = 1_000_000L;

  private static Vertx vertx;
  private final AtomicLong now = new AtomicLong();
  private final List<String> expired = new CopyOnWriteArrayList<>();
  private Context loop;
  private Deadlines deadlines;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private void newDeadlines(long allowanceMillis) {
    loop = vertx.getOrCreateContext();
    deadlines = new Deadlines(vertx, Duration.ofMillis(allowanceMillis), now::get);
  }

  /** Runs {@code step} on the list's event loop and returns what it returned. */
  private <T> T onLoop(Supplier<T> step) throws Exception {
    CompletableFuture<T> done = new CompletableFuture<>();
    loop.runOnContext(v -> done.complete(step.get()));
    return done.get(5, TimeUnit.SECONDS);
  }

  private Deadlines.Entry start(String name, CompletableFuture<Void> onExpiry) throws Exception {
    return onLoop(() -> deadlines.start(() -> {
      expired.add(name);
      onExpiry.complete(null);
    }));
  }

  @Test
  void deadlinesExpireInStartOrderOnceTheirAllowancePassed() throws Exception {
    newDeadlines(20);
    CompletableFuture<Void> a = new CompletableFuture<>();
    CompletableFuture<Void> b = new CompletableFuture<>();
    CompletableFuture<Void> c = new CompletableFuture<>();
    start("a", a);
    start("b", b);
    now.set(10 * MS);
    start("c", c); // due at 30 ms
    now.set(25 * MS);

    b.get(5, TimeUnit.SECONDS);
    assertThat(expired).containsExactly("a", "b");
    assertThat(onLoop(deadlines::running)).isEqualTo(1);

    now.set(30 * MS);
    c.get(5, TimeUnit.SECONDS);
    assertThat(expired).containsExactly("a", "b", "c");
    assertThat(onLoop(deadlines::running)).isZero();
  }

  @Test
  void anEndedDeadlineNeverExpires() throws Exception {
    newDeadlines(20);
    CompletableFuture<Void> a = new CompletableFuture<>();
    CompletableFuture<Void> b = new CompletableFuture<>();
    CompletableFuture<Void> c = new CompletableFuture<>();
    Deadlines.Entry first = start("a", a);
    Deadlines.Entry middle = start("b", b);
    start("c", c);
    onLoop(() -> {
      deadlines.end(first);
      deadlines.end(middle);
      deadlines.end(middle); // twice is harmless
      return null;
    });
    assertThat(onLoop(deadlines::running)).isEqualTo(1);
    now.set(20 * MS);

    c.get(5, TimeUnit.SECONDS);
    assertThat(expired).containsExactly("c"); // a and b were earlier: they would have gone first
  }

  @Test
  void aDeadlineStartedWhileOthersExpireGetsItsWholeAllowance() throws Exception {
    newDeadlines(20);
    CompletableFuture<Void> a = new CompletableFuture<>();
    CompletableFuture<Void> next = new CompletableFuture<>();
    onLoop(() -> deadlines.start(() -> {
      expired.add("a");
      // What a fetch that times out does: its slot goes to the next fetch, which starts here.
      deadlines.start(() -> {
        expired.add("next");
        next.complete(null);
      });
      a.complete(null);
    }));
    now.set(20 * MS);

    a.get(5, TimeUnit.SECONDS);
    assertThat(expired).containsExactly("a");
    assertThat(onLoop(deadlines::running)).isEqualTo(1); // due at 40 ms, not yet

    now.set(40 * MS);
    next.get(5, TimeUnit.SECONDS);
    assertThat(expired).containsExactly("a", "next");
  }
}
