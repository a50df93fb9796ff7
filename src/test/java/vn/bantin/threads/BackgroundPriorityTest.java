package vn.bantin.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {

  @Test
  void aBackgroundThreadRunsAtNiceTenAndOthersKeepTheirs() throws Exception {
    ThreadNice.assumeLinuxWithRenice();
    AtomicInteger lowered = new AtomicInteger(-1);
    AtomicInteger startedByIt = new AtomicInteger(-1);
    AtomicInteger other = new AtomicInteger(-1);
    Thread background = new Thread(() -> {
      BackgroundPriority.lowerCurrentThread();
      BackgroundPriority.lowerCurrentThread(); // a no-op the second time
      lowered.set(ThreadNice.ofThisThread());
      Thread child = new Thread(() -> startedByIt.set(ThreadNice.ofThisThread()));
      child.start();
      try {
        child.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Thread untouched = new Thread(() -> other.set(ThreadNice.ofThisThread()));
    background.start();
    untouched.start();
    background.join();
    untouched.join();

    assertThat(lowered.get()).isEqualTo(BackgroundPriority.NICE);
    // Why Bantin starts its event loops before any background thread may: Linux threads inherit
    // the niceness of the thread that starts them.
    assertThat(startedByIt.get()).isEqualTo(BackgroundPriority.NICE);
    assertThat(other.get()).isZero();
  }
}
