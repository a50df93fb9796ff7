package vn.bantin.config;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Which version of feeds.yml is in force when a {@link ConfigService} starts. With versions of
 * this instance the file wins: it is saved as a new version unless it is the newest one. With
 * shared versions the newest saved version wins and is written to the file. Runs only in the
 * service's constructor, before the service is visible to any other thread: no lock needed.
 */
final class StartVersions {
  // The service's logger: one name for every line about a configuration change.
  private static final Logger LOG = Logger.getLogger(ConfigService.class.getName());

  private final ConfigPlace place;

  StartVersions(ConfigPlace place) {
    this.place = place;
  }

  /** The version of {@code text} (valid as {@code config}) found at start-up. */
  InForce local(String text, FeedsConfig config) throws IOException {
    ConfigVersions versions = place.versions();
    Optional<ConfigVersion> newest = versions.newest();
    String summary = "initial";
    if (newest.isPresent()) {
      String saved = versions.text(newest.get());
      if (saved.equals(text)) {
        return new InForce(config, text, newest.get());
      }
      summary = "changed on disk while stopped";
      try {
        summary += ": " + ConfigDiff.summary(place.parse(saved), config);
      } catch (ConfigException e) {
        // A saved version that no longer validates has nothing to compare with.
      }
    }
    ConfigVersion version = versions.add(0, text, place.clock().instant(), summary, "file");
    versions.trim();
    place.audit().record("file", "reload", "saved", version.version(), summary);
    return new InForce(config, text, version);
  }

  /** The version in force at a start-up on shared versions: the newest wins over the file. */
  InForce shared() throws ConfigException, IOException {
    ConfigVersions versions = place.versions();
    FeedsFile file = place.file();
    Optional<ConfigVersion> newest = versions.newest();
    if (newest.isEmpty()) {
      String text = file.read();
      FeedsConfig config = place.parse(text);
      String summary = "initial: imported from " + file.name();
      try {
        ConfigVersion version = versions.add(0, text, place.clock().instant(), summary, "file");
        place.audit().record("file", "reload", "saved", version.version(), summary);
        return new InForce(config, text, version);
      } catch (ConfigVersions.Conflict e) {
        newest = versions.newest(); // another instance imported its file first
        if (newest.isEmpty()) {
          throw e;
        }
      }
    }
    String text = versions.text(newest.get());
    FeedsConfig config = place.parse(text);
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
}
