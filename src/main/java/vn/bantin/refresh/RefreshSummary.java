package vn.bantin.refresh;

import java.util.List;

/**
 * The admin API's answer to a refresh: counts over the sources polled.
 *
 * @param sources sources polled
 * @param fetched polls answered with a new body
 * @param notModified polls answered 304
 * @param newStories entries that became new stories ({@code new} in JSON)
 * @param duplicates entries that joined a story already known
 * @param errors polls that failed
 */
public record RefreshSummary(int sources, int fetched, int notModified, int newStories,
    int duplicates, int errors) {

  public static RefreshSummary of(List<PollOutcome> outcomes) {
    int fetched = 0;
    int notModified = 0;
    int fresh = 0;
    int duplicates = 0;
    int errors = 0;
    for (PollOutcome o : outcomes) {
      switch (o.kind()) {
        case FETCHED -> fetched++;
        case NOT_MODIFIED -> notModified++;
        case FAILED -> errors++;
      }
      fresh += o.ingest().newStories();
      duplicates += o.ingest().joined();
    }
    return new RefreshSummary(outcomes.size(), fetched, notModified, fresh, duplicates, errors);
  }
}
