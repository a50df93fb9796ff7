package vn.bantin.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The path of a replace and a rollback: If-Match, validity, sameness, then the version is kept
 * before feeds.yml is written and the text comes in force. Called only under
 * {@link ConfigService}'s monitor, after the pending hand edit was picked up.
 */
final class TextSaves {
  private final ConfigPlace place;
  private final VersionSwap swap;
  private final SaveOutcomes outcomes;

  TextSaves(ConfigPlace place, VersionSwap swap, SaveOutcomes outcomes) {
    this.place = place;
    this.swap = swap;
    this.outcomes = outcomes;
  }

  /** Makes saved {@code version} current again, as a new version. */
  SaveResult rollback(int version, String ifMatch, String actor) {
    String prefix = "rollback to version " + version + ": ";
    InForce now = swap.now();
    if (ifMatch != null && !ifMatch.equals(now.version().etag())) {
      return outcomes.stale(now, actor, "rollback", prefix);
    }
    Optional<ConfigVersion> saved = place.versions().find(version);
    if (saved.isEmpty()) {
      return outcomes.invalid(List.of(new ConfigProblem(place.file().name(), 0, "version",
          "no saved version " + version)), actor, "rollback", prefix);
    }
    try {
      return save(place.versions().text(saved.get()), ifMatch, actor, "rollback", prefix);
    } catch (IOException | UncheckedIOException e) {
      return outcomes.failed("cannot read saved version " + version + ": "
          + ConfigPlace.reason(e), actor, "rollback", "rollback to version " + version);
    }
  }

  /**
   * Saves {@code yaml} as the new version in force.
   *
   * @param prefix what the audit summary starts with, e.g. {@code rollback to version 3: }
   */
  SaveResult save(String yaml, String ifMatch, String actor, String action, String prefix) {
    InForce now = swap.now();
    if (ifMatch != null && !ifMatch.equals(now.version().etag())) {
      return outcomes.stale(now, actor, action, prefix);
    }
    FeedsConfig after;
    try {
      after = place.parse(yaml);
    } catch (ConfigException e) {
      return outcomes.invalid(e.problems(), actor, action, prefix);
    }
    if (yaml.equals(now.text())) {
      return outcomes.unchanged(now, actor, action, prefix);
    }
    String summary = prefix + ConfigDiff.summary(now.config(), after);
    ConfigVersion version;
    try {
      // The history first: a version that cannot be kept is never put in force.
      version = place.versions().add(now.version().version(), yaml, place.clock().instant(),
          summary, actor);
    } catch (ConfigVersions.Conflict e) {
      swap.adoptNewest(); // another instance saved first: the caller's If-Match is stale now
      return outcomes.stale(swap.now(), actor, action, prefix);
    } catch (IOException | UncheckedIOException e) {
      return outcomes.failed("cannot save the history: " + ConfigPlace.reason(e), actor, action,
          summary);
    }
    try {
      place.file().write(yaml);
    } catch (IOException e) {
      place.versions().undoAdd(version);
      return outcomes.failed("cannot write " + place.file().name() + ": " + ConfigPlace.reason(e),
          actor, action, summary);
    }
    return swap.bringIn(now, new InForce(after, yaml, version), actor, action);
  }
}
