package vn.bantin.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Picks up a hand edit of feeds.yml: a valid file on disk that differs from the text in force
 * becomes the newest version; a bad one is reported once through {@link HandEdits}. Called only
 * under {@link ConfigService}'s monitor.
 */
final class HandEditReload {
  // The service's logger: one name for every line about a configuration change.
  private static final Logger LOG = Logger.getLogger(ConfigService.class.getName());

  private final ConfigPlace place;
  private final HandEdits handEdits;
  private final VersionSwap swap;
  private final SaveOutcomes outcomes;

  HandEditReload(ConfigPlace place, HandEdits handEdits, VersionSwap swap, SaveOutcomes outcomes) {
    this.place = place;
    this.handEdits = handEdits;
    this.swap = swap;
    this.outcomes = outcomes;
  }

  /** As {@link ConfigService#reloadIfChanged}. */
  Optional<SaveResult> reloadIfChanged() {
    FeedsFile file = place.file();
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
    InForce now = swap.now();
    if (text.equals(now.text())) {
      return handEdits.clear() ? Optional.of(new SaveResult.Unchanged(now.version()))
          : Optional.empty();
    }
    FeedsConfig after;
    try {
      after = place.parse(text);
    } catch (ConfigException e) {
      return handEdits.reportBad(e.problems(), text, file.name());
    }
    String summary = "edited on disk: " + ConfigDiff.summary(now.config(), after);
    try {
      ConfigVersion version = place.versions().add(now.version().version(), text,
          place.clock().instant(), summary, "file");
      return Optional.of(swap.bringIn(now, new InForce(after, text, version), "file", "reload"));
    } catch (ConfigVersions.Conflict e) {
      // The first save wins, as with a stale If-Match: the edit was made from an older version.
      LOG.warning("the hand edit of " + file.name() + " was made from version "
          + now.version().version() + ", but another instance saved a newer one first; "
          + file.name() + " is replaced by it");
      outcomes.staleHandEdit(now.version().version(), summary);
      swap.adoptNewest();
      return Optional.of(new SaveResult.Stale(swap.now().version()));
    } catch (IOException | UncheckedIOException e) {
      // Reported once, as the file is not read again until it changes; that change retries.
      return Optional.of(outcomes.failed("cannot save the history: " + ConfigPlace.reason(e),
          "file", "reload", summary));
    }
  }
}
