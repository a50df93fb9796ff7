package vn.bantin.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems found while reading one file, so that all of them are reported. */
final class Problems {
  private final String file;
  private final List<ConfigProblem> found = new ArrayList<>();

  /** @param file the file name every problem of {@link #add} names */
  Problems(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  /** A problem of the file at a 1-based line (0 when it has no position). */
  void add(int line, String path, String message) {
    found.add(new ConfigProblem(file, line, path, message));
  }

  /** A problem of another origin, such as an environment variable. */
  void addFrom(String origin, String path, String message) {
    found.add(new ConfigProblem(origin, 0, path, message));
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /**
   * Every problem: the file's in line order (the order a reader fixes them in), then the others
   * in the order found.
   */
  List<ConfigProblem> all() {
    List<ConfigProblem> sorted = new ArrayList<>(found);
    // List.sort is stable: problems on one line keep the order they were found in.
    sorted.sort(Comparator.comparingInt((ConfigProblem p) -> p.file().equals(file) ? 0 : 1)
        .thenComparingInt(p -> p.file().equals(file) ? p.line() : 0));
    return sorted;
  }

  void throwIfAny() throws ConfigException {
    if (!found.isEmpty()) {
      throw new ConfigException(all());
    }
  }
}
