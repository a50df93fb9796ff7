package vn.bantin.config;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where {@link ConfigService} keeps the saved versions of feeds.yml: a folder of this instance
 * ({@link ConfigHistory}, data/config-history), or a table that every instance sharing one store
 * writes ({@code vn.bantin.store.pg.PgConfigVersions}). Blocking; {@link ConfigService}
 * serializes the calls of one instance. Reads that cannot reach the versions throw
 * {@link java.io.UncheckedIOException}.
 */
public interface ConfigVersions {

  /**
   * Whether other instances save versions here too. Then the newest version wins over the local
   * feeds.yml at start-up, and versions saved elsewhere come into force here
   * ({@link ConfigService#adoptNewest}); otherwise the local file wins and is saved.
   */
  boolean shared();

  /** Newest first, at most as many as are kept. */
  List<ConfigVersion> versions();

  Optional<ConfigVersion> newest();

  Optional<ConfigVersion> find(int version);

  /** The exact text saved as {@code version}. */
  String text(ConfigVersion version) throws IOException;

  /**
   * Saves {@code text} as the version following {@code after}, numbered above every version
   * saved before (not yet trimmed; see {@link #trim}). On failure nothing is saved.
   *
   * @param after the version in force for the saver, 0 when there is none
   * @param actor who saves, as in the audit log
   * @throws Conflict when {@code after} is no longer the newest version: another instance saved
   *     first
   */
  ConfigVersion add(int after, String text, Instant savedAt, String summary, String actor)
      throws IOException;

  /** Takes back {@code version}, which {@link #add} just saved but could not come in force. */
  void undoAdd(ConfigVersion version);

  /** Deletes the versions beyond the number kept, oldest first; a failure is only logged. */
  void trim();

  /** The strong ETag of a feeds.yml text: {@code "} + base64url(SHA-256) prefix + {@code "}. */
  static String etag(String text) {
    return ConfigHistory.etag(text);
  }

  /** Another instance saved a version after the one a save was based on. */
  final class Conflict extends IOException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
      super(message);
    }
  }
}
