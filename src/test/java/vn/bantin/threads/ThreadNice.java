package vn.bantin.threads;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads threads' nice values from /proc, for the tests of {@link BackgroundPriority}. */
public final class ThreadNice {
  private ThreadNice() {}

  /** Skips the test, saying why, unless this is Linux with {@code renice} installed. */
  public static void assumeLinuxWithRenice() throws IOException, InterruptedException {
    assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")),
        "no /proc/thread-self (not Linux): skipped");
    Process which = new ProcessBuilder("sh", "-c", "command -v renice").start();
    assumeTrue(which.waitFor() == 0, "renice is not installed: skipped");
    int nice = ofThisThread();
    assumeTrue(nice == 0, "the tests run at nice " + nice + ", not 0: skipped");
  }

  /** The nice value (field 19) of a /proc stat file; the name in parentheses may hold spaces. */
  public static int of(Path stat) throws IOException {
    String text = Files.readString(stat);
    String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(fields[16]);
  }

  /** The calling thread's nice value. */
  static int ofThisThread() {
    try {
      return of(Path.of("/proc/thread-self/stat"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
