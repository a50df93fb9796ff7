package vn.bantin.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Finds the newest version another instance saved in the shared versions, validates it here and
 * writes it to feeds.yml, ready for {@link ConfigService} to bring in force. It holds no state
 * of its own; {@link VersionSwap} calls it under the service's monitor, so no save runs between.
 */
final class SharedAdoption {
  // The service's logger: one name for every line about a configuration change.
  private static final Logger LOG = Logger.getLogger(ConfigService.class.getName());

  private final ConfigPlace place;

  SharedAdoption(ConfigPlace place) {
    this.place = place;
  }

  /**
   * The newest saved version when it is not {@code now}'s, written to feeds.yml (a failure to
   * write is only logged: the version is in force all the same); empty when there is no newer
   * one, or the versions cannot be read now (logged; the next look tries again).
   *
   * @throws ConfigException when the newest version is not valid here (logged): {@code now}
   *     stays in force
   */
  Optional<InForce> next(InForce now) throws ConfigException {
    ConfigVersions versions = place.versions();
    ConfigVersion newest;
    String text;
    try {
      Optional<ConfigVersion> found = versions.newest();
      if (found.isEmpty() || found.get().equals(now.version())) {
        return Optional.empty();
      }
      newest = found.get();
      text = versions.text(newest);
    } catch (IOException | UncheckedIOException e) {
      LOG.warning("cannot read the newest configuration version: " + ConfigPlace.reason(e));
      return Optional.empty();
    }
    FeedsConfig after;
    try {
      after = place.parse(text);
    } catch (ConfigException e) {
      // Saved by an instance whose rules differ (another release): keep what is in force.
      LOG.severe("version " + newest.version() + " saved by another instance is not valid here;"
          + " version " + now.version().version() + " stays in force: "
          + HandEdits.describe(e.problems()));
      throw e;
    }
    try {
      place.file().write(text);
    } catch (IOException e) {
      LOG.warning("version " + newest.version() + " is in force, but " + place.file().name()
          + " could not be written: " + ConfigPlace.reason(e));
    }
    return Optional.of(new InForce(after, text, newest));
  }
}
