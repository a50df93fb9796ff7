package vn.bantin.config;

import java.util.Optional;

/**
 * The version in force, and the one way it changes: {@link #bringIn} trims the versions, swaps,
 * forgets a reported bad hand edit, audits and tells the listener. {@link #now} may be read from
 * any thread (the reference is volatile and the value immutable); {@link #bringIn} and
 * {@link #adoptNewest} are called only under {@link ConfigService}'s monitor, which serializes
 * every change.
 */
final class VersionSwap {
  private final ConfigVersions versions;
  private final HandEdits handEdits;
  private final SaveOutcomes outcomes;
  private final SharedAdoption adoption;
  private volatile InForce inForce;

  VersionSwap(InForce start, ConfigPlace place, HandEdits handEdits, SaveOutcomes outcomes) {
    this.versions = place.versions();
    this.handEdits = handEdits;
    this.outcomes = outcomes;
    this.adoption = new SharedAdoption(place);
    this.inForce = start;
  }

  /** The version in force: one consistent snapshot. */
  InForce now() {
    return inForce;
  }

  /** Puts {@code after}, already saved as the newest version, in force in place of before. */
  SaveResult.Saved bringIn(InForce before, InForce after, String actor, String action) {
    versions.trim();
    inForce = after;
    handEdits.clear(); // the file on disk is the text in force now
    return outcomes.saved(before, after, actor, action);
  }

  /**
   * Brings in force the newest version another instance saved, already written to feeds.yml.
   *
   * @return the outcome, or empty when nothing newer could be read
   */
  Optional<SaveResult> adoptNewest() {
    InForce before = inForce;
    Optional<InForce> next;
    try {
      next = adoption.next(before);
    } catch (ConfigException e) {
      return Optional.of(new SaveResult.Invalid(e.problems()));
    }
    return next.map(after -> bringIn(before, after, "store", "adopt"));
  }
}
