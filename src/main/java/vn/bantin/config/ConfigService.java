package vn.bantin.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The feeds.yml in force: one immutable configuration behind one reference, and the only way to
 * change it. An admin edit, a rollback and a hand edit picked up from disk all take the same
 * path: parse strictly, validate, write atomically (temporary file, fsync, rename, fsync of the
 * folder), keep the version in the history, swap, then tell the listener the difference.
 *
 * <p>Blocking (file I/O): call it from a worker thread, never an event loop. Thread-safe; saves
 * are serialized.
 */
public final class ConfigService {

  /**
   * Loads {@code feedsFile} (which must be valid) and its history.
   *
   * @param historyDir where saved versions are kept (created if needed), e.g. data/config-history
   * @param defaultInterval the poll interval of sources that name none, when feeds.yml has no
   *     defaults.interval
   * @param keep how many versions the history keeps (at least 20)
   * @param onChange hears every change that came into force, after the swap
   * @throws ConfigException when feeds.yml is invalid at start-up
   */
  public ConfigService(Path feedsFile, Path historyDir, Duration defaultInterval, int keep,
      InstantSource clock, Consumer<ConfigChange> onChange) throws ConfigException {
    throw new UnsupportedOperationException("not yet built");
  }

  /** The configuration in force. */
  public FeedsConfig config() {
    throw new UnsupportedOperationException("not yet built");
  }

  /** The text of the version in force, byte for byte as on disk. */
  public String text() {
    throw new UnsupportedOperationException("not yet built");
  }

  /** The version in force. */
  public ConfigVersion current() {
    throw new UnsupportedOperationException("not yet built");
  }

  /**
   * Replaces feeds.yml with {@code yaml}.
   *
   * @param ifMatch the ETag the editor started from; must equal the version in force
   * @param actor who asks, for the audit log (a non-secret token id such as {@code
   *     token:3f9a1c2b}, or {@code file} for a hand edit)
   */
  public SaveResult replace(String yaml, String ifMatch, String actor) {
    throw new UnsupportedOperationException("not yet built");
  }

  /** Makes saved {@code version} current again, as a new version (validated like a replace). */
  public SaveResult rollback(int version, String ifMatch, String actor) {
    throw new UnsupportedOperationException("not yet built");
  }

  /** Saved versions, newest first, at most {@code keep}. */
  public List<ConfigVersion> history() {
    throw new UnsupportedOperationException("not yet built");
  }

  /**
   * Picks up a hand edit of feeds.yml: when the file on disk differs from the version in force,
   * a valid file becomes the new version; an invalid one is reported (see {@link #fileProblems})
   * and the version in force stays. Called every second or two by the server.
   *
   * @return what happened, or empty when the file did not change since the last look
   */
  public Optional<SaveResult> reloadIfChanged() {
    throw new UnsupportedOperationException("not yet built");
  }

  /** The problems of the file on disk when it is invalid and not in force; empty otherwise. */
  public List<ConfigProblem> fileProblems() {
    throw new UnsupportedOperationException("not yet built");
  }
}
