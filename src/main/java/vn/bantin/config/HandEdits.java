package vn.bantin.config;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * What is known about a bad feeds.yml on disk (invalid, gone or unreadable) while the last valid
 * version stays in force: its problems, and which content was already reported, so that a file
 * left broken is logged and audited once, not at every look. Not thread-safe for writes: the
 * service serializes them; {@link #problems} may be read from any thread.
 */
final class HandEdits {
  private static final Logger LOG = Logger.getLogger(HandEdits.class.getName());

  // An audit line says what is wrong, not everything: the admin sees the whole list elsewhere.
  private static final int MAX_DESCRIBED = 10;

  private final AuditLog audit;
  private volatile List<ConfigProblem> problems = List.of();
  private Object reported; // the bad text, or the problems of a file that could not be read

  HandEdits(AuditLog audit) {
    this.audit = audit;
  }

  /** The problems of the bad file, or empty when the file on disk is the text in force. */
  List<ConfigProblem> problems() {
    return problems;
  }

  /**
   * Reports a bad file: a warning log line listing every problem, an audit line, and an
   * {@link SaveResult.Invalid}; or nothing when {@code content} is what was reported last.
   *
   * @param content what identifies the bad content: its text, or its problems when unreadable
   */
  Optional<SaveResult> reportBad(List<ConfigProblem> found, Object content, String fileName) {
    if (content.equals(reported)) {
      return Optional.empty();
    }
    reported = content;
    problems = List.copyOf(found);
    LOG.warning(fileName + " on disk is not valid; the last valid version stays in force:\n  "
        + found.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n  ")));
    audit.record("file", "reload", "invalid", null, describe(found));
    return Optional.of(new SaveResult.Invalid(found));
  }

  /** Forgets the bad file (the file on disk is the text in force); true when there was one. */
  boolean clear() {
    boolean had = reported != null;
    reported = null;
    problems = List.of();
    return had;
  }

  /** {@code 2 problems: feeds.yml:14 sources[2].url: not an http(s) URL; ...}. */
  static String describe(List<ConfigProblem> found) {
    String listed = found.stream().limit(MAX_DESCRIBED).map(ConfigProblem::toString)
        .collect(Collectors.joining("; "));
    String more = found.size() > MAX_DESCRIBED
        ? "; and " + (found.size() - MAX_DESCRIBED) + " more" : "";
    return found.size() + (found.size() == 1 ? " problem: " : " problems: ") + listed + more;
  }
}
