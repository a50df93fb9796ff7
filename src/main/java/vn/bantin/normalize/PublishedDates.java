package vn.bantin.normalize;

import java.time.Instant;

/** The one date readers sort by. */
final class PublishedDates {

  private PublishedDates() {}

  /**
   * The first usable of {@code published} and {@code updated}, else {@code fetchedAt}. Dates
   * before 1970 are unusable (a zero or garbage date, never a news item); a date after
   * {@code fetchedAt} is clamped to it, because a future date would pin an item to the top of
   * every feed until that day comes.
   */
  static Instant of(Instant published, Instant updated, Instant fetchedAt) {
    for (Instant candidate : new Instant[] {published, updated}) {
      if (candidate != null && !candidate.isBefore(Instant.EPOCH)) {
        return candidate.isAfter(fetchedAt) ? fetchedAt : candidate;
      }
    }
    return fetchedAt;
  }
}
