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
 * snapshot without waiting for a save. Every change runs under this object's monitor, through
 * package-private steps that hold no lock of their own: {@link TextSaves} (replace, rollback),
 * {@link HandEditReload}, {@link VersionSwap} (the swap and shared adoption),
 * {@link StartVersions} (start-up), {@link SaveOutcomes} (audit and results).
 */
public final class ConfigService {
  private final ConfigVersions versions;
  private final HandEdits handEdits;
  private final VersionSwap swap;
  private final TextSaves saves;
  private final HandEditReload reload;

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
    FeedsFile file = new FeedsFile(feedsFile, new AtomicFiles());
    Objects.requireNonNull(defaultInterval, "defaultInterval");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(onChange, "onChange");
    AuditLog audit = new AuditLog(auditLog, clock);
    ConfigPlace place = new ConfigPlace(file, versions, audit, clock, defaultInterval);
    InForce start;
    try {
      Path folder = auditLog.toAbsolutePath().getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
      start = new StartVersions(place).shared();
    } catch (IOException | UncheckedIOException e) {
      throw new ConfigException(List.of(new ConfigProblem(file.name(), 0, "(file)",
          "cannot keep the configuration history: " + e.getMessage())));
    }
    this.versions = versions;
    this.handEdits = new HandEdits(audit);
    SaveOutcomes outcomes = new SaveOutcomes(audit, onChange);
    this.swap = new VersionSwap(start, place, handEdits, outcomes);
    this.saves = new TextSaves(place, swap, outcomes);
    this.reload = new HandEditReload(place, handEdits, swap, outcomes);
  }

  /** As the public constructor, writing files through {@code files} (tests inject failures). */
  ConfigService(Path feedsFile, Path historyDir, Duration defaultInterval, int keep,
      InstantSource clock, Consumer<ConfigChange> onChange, AtomicFiles files)
      throws ConfigException {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1, got " + keep);
    }
    FeedsFile file = new FeedsFile(feedsFile, files);
    Objects.requireNonNull(defaultInterval, "defaultInterval");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(onChange, "onChange");
    String text = file.read();
    FeedsConfig config = ConfigLoader.parseFeeds(file.name(), text, defaultInterval);
    AuditLog audit = new AuditLog(historyDir.toAbsolutePath().resolveSibling("audit.log"), clock);
    ConfigPlace place;
    InForce start;
    try {
      place = new ConfigPlace(file, ConfigHistory.open(historyDir, keep, files), audit, clock,
          defaultInterval);
      start = new StartVersions(place).local(text, config);
    } catch (IOException e) {
      throw new ConfigException(List.of(new ConfigProblem(historyDir.toString(), 0, "(file)",
          "cannot keep the configuration history: " + ConfigPlace.reason(e))));
    }
    this.versions = place.versions();
    this.handEdits = new HandEdits(audit);
    SaveOutcomes outcomes = new SaveOutcomes(audit, onChange);
    this.swap = new VersionSwap(start, place, handEdits, outcomes);
    this.saves = new TextSaves(place, swap, outcomes);
    this.reload = new HandEditReload(place, handEdits, swap, outcomes);
  }

  /** The configuration in force. */
  public FeedsConfig config() {
    return swap.now().config();
  }

  /** The text of the version in force, byte for byte as on disk. */
  public String text() {
    return swap.now().text();
  }

  /** The version in force. */
  public ConfigVersion current() {
    return swap.now().version();
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
    return saves.save(yaml, ifMatch, SaveOutcomes.actorOf(actor), "replace", "");
  }

  /**
   * Makes saved {@code version} current again, as a new version (validated like a replace). A
   * version not in the history is {@link SaveResult.Invalid} with one problem at path
   * {@code version}.
   */
  public synchronized SaveResult rollback(int version, String ifMatch, String actor) {
    reloadIfChanged();
    return saves.rollback(version, ifMatch, SaveOutcomes.actorOf(actor));
  }

  /** Saved versions, newest first, at most {@code keep}. */
  public synchronized List<ConfigVersion> history() {
    return versions.versions();
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
    return reload.reloadIfChanged();
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
    if (!versions.shared()) {
      return Optional.empty();
    }
    Optional<SaveResult> handEdit = reloadIfChanged();
    Optional<SaveResult> adopted = swap.adoptNewest();
    return adopted.isPresent() ? adopted : handEdit;
  }

  /** The problems of the file on disk when it is invalid and not in force; empty otherwise. */
  public List<ConfigProblem> fileProblems() {
    return handEdits.problems();
  }
}
