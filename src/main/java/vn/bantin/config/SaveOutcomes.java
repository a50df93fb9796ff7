package vn.bantin.config;

import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How an attempt to change feeds.yml ends: each method records the one audit line of the
 * attempt (and a log line where an operator must look) and builds its {@link SaveResult}. It
 * changes no state of the service; {@link ConfigService} calls it under its monitor, which also
 * keeps the audit lines in the order of the attempts.
 */
final class SaveOutcomes {
  // The service's logger: one name for every line about a configuration change.
  private static final Logger LOG = Logger.getLogger(ConfigService.class.getName());

  private final AuditLog audit;
  private final Consumer<ConfigChange> onChange;

  SaveOutcomes(AuditLog audit, Consumer<ConfigChange> onChange) {
    this.audit = audit;
    this.onChange = onChange;
  }

  /**
   * {@code after} came in force: audited, then told to the listener, whose failure is logged and
   * not propagated.
   */
  SaveResult.Saved saved(InForce before, InForce after, String actor, String action) {
    ConfigVersion version = after.version();
    audit.record(actor, action, "saved", version.version(), version.summary());
    try {
      onChange.accept(new ConfigChange(before.config(), after.config()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a listener of configuration changes failed on version "
          + version.version(), e);
    }
    return new SaveResult.Saved(version);
  }

  /** The text asked for is the text in force: nothing written. */
  SaveResult unchanged(InForce now, String actor, String action, String prefix) {
    audit.record(actor, action, "unchanged", now.version().version(),
        prefix + "same text as the version in force");
    return new SaveResult.Unchanged(now.version());
  }

  /** The If-Match ETag is not the one of {@code now}. */
  SaveResult stale(InForce now, String actor, String action, String prefix) {
    audit.record(actor, action, "stale", now.version().version(),
        prefix + "If-Match is not the ETag of version " + now.version().version());
    return new SaveResult.Stale(now.version());
  }

  SaveResult invalid(List<ConfigProblem> problems, String actor, String action, String prefix) {
    audit.record(actor, action, "invalid", null, prefix + HandEdits.describe(problems));
    return new SaveResult.Invalid(problems);
  }

  /** A valid text that could not be kept or written; nothing changed. */
  SaveResult failed(String message, String actor, String action, String summary) {
    LOG.warning("configuration not saved: " + message);
    audit.record(actor, action, "failed", null, summary + " (" + message + ")");
    return new SaveResult.Failed(message);
  }

  /** A hand edit made from a version older than the newest another instance saved. */
  void staleHandEdit(int inForce, String summary) {
    audit.record("file", "reload", "stale", inForce, summary);
  }

  /** The non-blank actor id of the audit log, {@code unknown} when none was given. */
  static String actorOf(String actor) {
    return actor == null || actor.isBlank() ? "unknown" : actor;
  }
}
