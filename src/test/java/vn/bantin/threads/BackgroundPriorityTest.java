package vn.bantin.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @Test
  void aThreadAlreadyLowerIsNeverRaised() throws Exception {
    ThreadNice.assumeLinuxWithRenice();
    AtomicInteger after = new AtomicInteger(-1);
    Thread started = new Thread(() -> {
      try {
        String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        new ProcessBuilder("renice", "-n", "15", "-p", tid).start().waitFor();
        BackgroundPriority.lowerCurrentThread();
        after.set(ThreadNice.ofThisThread());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    started.start();
    started.join();

    assertThat(after.get()).isEqualTo(15);
  }
}
