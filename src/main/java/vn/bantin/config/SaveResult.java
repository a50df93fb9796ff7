package vn.bantin.config;

import java.util.List;

/** How an attempt to replace feeds.yml ended. Exactly one of the records below. */
public sealed interface SaveResult {

  /** Saved and in force; {@code current} is the new version. */
  record Saved(ConfigVersion current) implements SaveResult {}

  /** The text equals the version in force: nothing written, no new version. */
  record Unchanged(ConfigVersion current) implements SaveResult {}

  /** The If-Match ETag is not the one in force (someone saved in between). */
  record Stale(ConfigVersion current) implements SaveResult {}

  /** The text is invalid; every problem, with its path and line. Nothing was written. */
  record Invalid(List<ConfigProblem> problems) implements SaveResult {
    public Invalid {
      problems = List.copyOf(problems);
    }
  }

  /** The text is valid but could not be written (disk full, permissions); nothing changed. */
  record Failed(String message) implements SaveResult {}
}
