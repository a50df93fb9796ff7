package vn.bantin.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The feeds.yml in force: one immutable configuration behind one reference, and the only way to
 * change it. An admin edit, a rollback and a hand edit picked up from disk all take the same
 * path: parse strictly, validate, write atomically (temporary file, fsync, rename, fsync of the
 * folder), keep the version in the history, swap, then tell the listener the difference.
 *
 * <p>Every attempt is audited: one JSON line in {@code audit.log} beside {@code historyDir}
 * (see {@link AuditLog}), never with the YAML text. Each version is kept in {@code historyDir} as
 * {@code 000012.yml} (the exact text) and {@code 000012.json} ({@code version, etag, savedAt,
 * summary}); numbers are never reused, across restarts too.
 *
 * <p>With {@link ConfigVersions#shared shared versions} (the PostgreSQL store) the versions
 * live there instead, and feeds.yml is this instance's copy of the version in force: the newest
 * saved version wins at start-up, and {@link #adoptNewest} brings in force, and writes to
 * feeds.yml, a version another instance saved.
 *
 * <p>Blocking (file I/O): call it from a worker thread, never an event loop. Thread-safe; saves
 * are serialized, and {@link #config}, {@link #text} and {@link #current} read one consistent
 * snapshot without waiting for a save.
 */
public final class ConfigService {
  private static final Logger LOG = Logger.getLogger(ConfigService.class.getName());

  /** The version in force: always the newest of the history. */
  private record InForce(FeedsConfig config, String text, ConfigVersion version) {}

  private final FeedsFile file;
  private final ConfigVersions history;
  private final AuditLog audit;
  private final Duration defaultInterval;
  private final InstantSource clock;
  private final Consumer<ConfigChange> onChange;
  private final HandEdits handEdits;
  private volatile InForce inForce;

  /**
   * Loads {@code feedsFile} (which must be valid) and its history. When the history is empty, or
   * its newest version is not the file's text (an edit while bantin was stopped), the file is
   * saved as a new version.
   *
   * @param historyDir where saved versions are kept (created if needed), e.g. data/config-history
   * @param defaultInterval the poll interval of sources that name none, when feeds.yml has no
   *     defaults.interval
   * @param keep how many versions the history keeps (at least 20)
   * @param onChange hears every change that came into force, after the swap, on the thread that
   *     made it while saves are held; what it throws is logged, not propagated
   * @throws ConfigException when feeds.yml is invalid at start-up, or the history cannot be kept
   */
  public ConfigService(Path feedsFile, Path historyDir, Duration defaultInterval, int keep,
      InstantSource clock, Consumer<ConfigChange> onChange) throws ConfigException {
    this(feedsFile, historyDir, defaultInterval, keep, clock, onChange, new AtomicFiles());
  }

  /**
   * Loads the version in force from {@code versions}, which another instance may share. When
   * they hold none, {@code feedsFile} (which must then be valid) is saved as version 1; when
   * another instance does that first, its version is taken. The version in force is written to
   * {@code feedsFile} when that differs (logged).
   *
   * @param auditLog this instance's audit log (its folder is created if needed)
   * @throws ConfigException when there is no version and feeds.yml is invalid, the newest
   *     version is invalid, or the versions cannot be read or feeds.yml written
   */
  public ConfigService(Path feedsFile, Path auditLog, ConfigVersions versions,
      Duration defaultInterval, InstantSource clock, Consumer<ConfigChange> onChange)
      throws ConfigException {
    this.file = new FeedsFile(feedsFile, new AtomicFiles());
    this.defaultInterval = Objects.requireNonNull(defaultInterval, "defaultInterval");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.onChange = Objects.requireNonNull(onChange, "onChange");
    this.audit = new AuditLog(auditLog, clock);
    this.handEdits = new HandEdits(audit);
    this.history = versions;
    try {
      Path folder = auditLog.toAbsolutePath().getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
      this.inForce = startShared();
    } catch (IOException | UncheckedIOException e) {
      throw new ConfigException(List.of(new ConfigProblem(file.name(), 0, "(file)",
          "cannot keep the configuration history: " + e.getMessage())));
    }
  }

  /** As the public constructor, writing files through {@code files} (tests inject failures). */
  ConfigService(Path feedsFile, Path historyDir, Duration defaultInterval, int keep,
      InstantSource clock, Consumer<ConfigChange> onChange, AtomicFiles files)
      throws ConfigException {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1, got " + keep);
    }
    this.file = new FeedsFile(feedsFile, files);
    this.defaultInterval = Objects.requireNonNull(defaultInterval, "defaultInterval");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.onChange = Objects.requireNonNull(onChange, "onChange");
    String text = file.read();
    FeedsConfig config = parse(text);
    this.audit = new AuditLog(historyDir.toAbsolutePath().resolveSibling("audit.log"), clock);
    this.handEdits = new HandEdits(audit);
    try {
      this.history = ConfigHistory.open(historyDir, keep, files);
      this.inForce = new InForce(config, text, startVersion(text, config));
    } catch (IOException e) {
      throw new ConfigException(List.of(new ConfigProblem(historyDir.toString(), 0, "(file)",
          "cannot keep the configuration history: " + reason(e))));
    }
  }

  /** The configuration in force. */
  public FeedsConfig config() {
    return inForce.config();
  }

  /** The text of the version in force, byte for byte as on disk. */
  public String text() {
    return inForce.text();
  }

  /** The version in force. */
  public ConfigVersion current() {
    return inForce.version();
  }

  /**
   * Replaces feeds.yml with {@code yaml}. The checks come in this order: a pending hand edit of
   * the file is picked up first (so that it is never overwritten unseen: the ETag it makes
   * current turns the caller's stale), then If-Match ({@link SaveResult.Stale}), validity
   * ({@link SaveResult.Invalid}, nothing written), sameness ({@link SaveResult.Unchanged}).
   *
   * @param yaml the whole new file
   * @param ifMatch the ETag the editor started from; must equal the version in force. {@code
   *     null} means no check (a tool that edits by hand); the HTTP layer itself answers 428 to a
   *     PUT without If-Match, so an admin client always sends one
   * @param actor who asks, for the audit log (a non-secret token id such as {@code
   *     token:3f9a1c2b}, or {@code file} for a hand edit)
   */
  public synchronized SaveResult replace(String yaml, String ifMatch, String actor) {
    Objects.requireNonNull(yaml, "yaml");
    reloadIfChanged();
    return save(yaml, ifMatch, actorOf(actor), "replace", "");
  }

  /**
   * Makes saved {@code version} current again, as a new version (validated like a replace). A
   * version not in the history is {@link SaveResult.Invalid} with one problem at path
   * {@code version}.
   */
  public synchronized SaveResult rollback(int version, String ifMatch, String actor) {
    reloadIfChanged();
    String who = actorOf(actor);
    String prefix = "rollback to version " + version + ": ";
    InForce now = inForce;
    if (ifMatch != null && !ifMatch.equals(now.version().etag())) {
      return stale(now, who, "rollback", prefix);
    }
    Optional<ConfigVersion> saved = history.find(version);
    if (saved.isEmpty()) {
      return invalid(List.of(new ConfigProblem(file.name(), 0, "version",
          "no saved version " + version)), who, "rollback", prefix);
    }
    try {
      return save(history.text(saved.get()), ifMatch, who, "rollback", prefix);
    } catch (IOException | UncheckedIOException e) {
      return failed("cannot read saved version " + version + ": " + reason(e), who, "rollback",
          "rollback to version " + version);
    }
  }

  /** Saved versions, newest first, at most {@code keep}. */
  public synchronized List<ConfigVersion> history() {
    return history.versions();
  }

  /**
   * Picks up a hand edit of feeds.yml: when the file on disk differs from the version in force,
   * a valid file becomes the new version; an invalid one is reported (see {@link #fileProblems})
   * and the version in force stays. Called every second or two by the server; cheap when the
   * file's size, modification time and inode are unchanged.
   *
   * @return what happened, or empty when the file did not change since the last look. A bad
   *     file (invalid, gone, unreadable) gives {@link SaveResult.Invalid} once per distinct
   *     content; a file back at the text in force after that gives {@link SaveResult.Unchanged};
   *     a valid file whose version cannot be kept gives {@link SaveResult.Failed} once.
   */
  public synchronized Optional<SaveResult> reloadIfChanged() {
    Optional<String> changed;
    try {
      changed = file.readIfChanged();
    } catch (ConfigException e) {
      return handEdits.reportBad(e.problems(), e.problems(), file.name());
    }
    if (changed.isEmpty()) {
      return Optional.empty();
    }
    String text = changed.get();
    InForce now = inForce;
    if (text.equals(now.text())) {
      return handEdits.clear() ? Optional.of(new SaveResult.Unchanged(now.version()))
          : Optional.empty();
    }
    FeedsConfig after;
    try {
      after = parse(text);
    } catch (ConfigException e) {
      return handEdits.reportBad(e.problems(), text, file.name());
    }
    String summary = "edited on disk: " + ConfigDiff.summary(now.config(), after);
    try {
      ConfigVersion version = history.add(now.version().version(), text, clock.instant(),
          summary, "file");
      return Optional.of(comeInForce(now, after, text, version, "file", "reload"));
    } catch (ConfigVersions.Conflict e) {
      // The first save wins, as with a stale If-Match: the edit was made from an older version.
      LOG.warning("the hand edit of " + file.name() + " was made from version "
          + now.version().version() + ", but another instance saved a newer one first; "
          + file.name() + " is replaced by it");
      audit.record("file", "reload", "stale", now.version().version(), summary);
      adopt();
      return Optional.of(new SaveResult.Stale(inForce.version()));
    } catch (IOException | UncheckedIOException e) {
      // Reported once, as the file is not read again until it changes; that change retries.
      return Optional.of(
          failed("cannot save the history: " + reason(e), "file", "reload", summary));
    }
  }

  /**
   * Brings in force the newest version another instance saved, when the versions are shared
   * (nothing otherwise), through the same path as a hand edit: the swap, the audit log, the
   * listener; and writes it to feeds.yml atomically. A pending hand edit is looked at first.
   * Called when another instance announces a save, and every few seconds in case a notice was
   * lost.
   *
   * @return what came in force, or empty when nothing changed
   */
  public synchronized Optional<SaveResult> adoptNewest() {
    if (!history.shared()) {
      return Optional.empty();
    }
    Optional<SaveResult> handEdit = reloadIfChanged();
    Optional<SaveResult> adopted = adopt();
    return adopted.isPresent() ? adopted : handEdit;
  }

  /** The problems of the file on disk when it is invalid and not in force; empty otherwise. */
  public List<ConfigProblem> fileProblems() {
    return handEdits.problems();
  }

  private SaveResult save(String yaml, String ifMatch, String actor, String action,
      String prefix) {
    InForce now = inForce;
    if (ifMatch != null && !ifMatch.equals(now.version().etag())) {
      return stale(now, actor, action, prefix);
    }
    FeedsConfig after;
    try {
      after = parse(yaml);
    } catch (ConfigException e) {
      return invalid(e.problems(), actor, action, prefix);
    }
    if (yaml.equals(now.text())) {
      audit.record(actor, action, "unchanged", now.version().version(),
          prefix + "same text as the version in force");
      return new SaveResult.Unchanged(now.version());
    }
    String summary = prefix + ConfigDiff.summary(now.config(), after);
    ConfigVersion version;
    try {
      // The history first: a version that cannot be kept is never put in force.
      version = history.add(now.version().version(), yaml, clock.instant(), summary, actor);
    } catch (ConfigVersions.Conflict e) {
      adopt(); // another instance saved first: the caller's If-Match is stale now
      return stale(inForce, actor, action, prefix);
    } catch (IOException | UncheckedIOException e) {
      return failed("cannot save the history: " + reason(e), actor, action, summary);
    }
    try {
      file.write(yaml);
    } catch (IOException e) {
      history.undoAdd(version);
      return failed("cannot write " + file.name() + ": " + reason(e), actor, action, summary);
    }
    return comeInForce(now, after, yaml, version, actor, action);
  }

  /** {@link #adoptNewest} without the look at the file. */
  private Optional<SaveResult> adopt() {
    InForce now = inForce;
    ConfigVersion newest;
    String text;
    try {
      Optional<ConfigVersion> found = history.newest();
      if (found.isEmpty() || found.get().equals(now.version())) {
        return Optional.empty();
      }
      newest = found.get();
      text = history.text(newest);
    } catch (IOException | UncheckedIOException e) {
      LOG.warning("cannot read the newest configuration version: " + reason(e));
      return Optional.empty(); // the next notice or look tries again
    }
    FeedsConfig after;
    try {
      after = parse(text);
    } catch (ConfigException e) {
      // Saved by an instance whose rules differ (another release): keep what is in force.
      LOG.severe("version " + newest.version() + " saved by another instance is not valid here;"
          + " version " + now.version().version() + " stays in force: "
          + HandEdits.describe(e.problems()));
      return Optional.of(new SaveResult.Invalid(e.problems()));
    }
    try {
      file.write(text);
    } catch (IOException e) {
      LOG.warning("version " + newest.version() + " is in force, but " + file.name()
          + " could not be written: " + reason(e));
    }
    return Optional.of(comeInForce(now, after, text, newest, "store", "adopt"));
  }

  private SaveResult.Saved comeInForce(InForce before, FeedsConfig after, String text,
      ConfigVersion version, String actor, String action) {
    history.trim();
    inForce = new InForce(after, text, version);
    handEdits.clear(); // the file on disk is the text in force now
    audit.record(actor, action, "saved", version.version(), version.summary());
    try {
      onChange.accept(new ConfigChange(before.config(), after));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a listener of configuration changes failed on version "
          + version.version(), e);
    }
    return new SaveResult.Saved(version);
  }

  private SaveResult stale(InForce now, String actor, String action, String prefix) {
    audit.record(actor, action, "stale", now.version().version(),
        prefix + "If-Match is not the ETag of version " + now.version().version());
    return new SaveResult.Stale(now.version());
  }

  private SaveResult invalid(List<ConfigProblem> problems, String actor, String action,
      String prefix) {
    audit.record(actor, action, "invalid", null, prefix + HandEdits.describe(problems));
    return new SaveResult.Invalid(problems);
  }

  private SaveResult failed(String message, String actor, String action, String summary) {
    LOG.warning("configuration not saved: " + message);
    audit.record(actor, action, "failed", null, summary + " (" + message + ")");
    return new SaveResult.Failed(message);
  }

  /** The version of the text found at start-up: the newest saved one, or a new one. */
  private ConfigVersion startVersion(String text, FeedsConfig config) throws IOException {
    Optional<ConfigVersion> newest = history.newest();
    String summary = "initial";
    if (newest.isPresent()) {
      String saved = history.text(newest.get());
      if (saved.equals(text)) {
        return newest.get();
      }
      summary = "changed on disk while stopped";
      try {
        summary += ": " + ConfigDiff.summary(parse(saved), config);
      } catch (ConfigException e) {
        // A saved version that no longer validates has nothing to compare with.
      }
    }
    ConfigVersion version = history.add(0, text, clock.instant(), summary, "file");
    history.trim();
    audit.record("file", "reload", "saved", version.version(), summary);
    return version;
  }

  /** The version in force at a start-up on shared versions: the newest wins over the file. */
  private InForce startShared() throws ConfigException, IOException {
    Optional<ConfigVersion> newest = history.newest();
    if (newest.isEmpty()) {
      String text = file.read();
      FeedsConfig config = parse(text);
      String summary = "initial: imported from " + file.name();
      try {
        ConfigVersion version = history.add(0, text, clock.instant(), summary, "file");
        audit.record("file", "reload", "saved", version.version(), summary);
        return new InForce(config, text, version);
      } catch (ConfigVersions.Conflict e) {
        newest = history.newest(); // another instance imported its file first
        if (newest.isEmpty()) {
          throw e;
        }
      }
    }
    String text = history.text(newest.get());
    FeedsConfig config = parse(text);
    String local;
    try {
      local = file.read();
    } catch (ConfigException e) {
      local = null; // missing or unreadable: written below
    }
    if (!text.equals(local)) {
      LOG.warning(file.name() + " differs from version " + newest.get().version()
          + " of the shared store, which is in force; " + file.name() + " is replaced");
      file.write(text);
    }
    return new InForce(config, text, newest.get());
  }

  private FeedsConfig parse(String text) throws ConfigException {
    return ConfigLoader.parseFeeds(file.name(), text, defaultInterval);
  }

  // The class says what the message alone may not: AccessDeniedException's message is the path.
  private static String reason(Exception e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static String actorOf(String actor) {
    return actor == null || actor.isBlank() ? "unknown" : actor;
  }
}
