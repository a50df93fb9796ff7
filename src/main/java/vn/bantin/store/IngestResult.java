package vn.bantin.store;

import java.util.Set;

/**
 * What one ingest transaction did.
 *
 * @param newStories entries that became new stories
 * @param joined entries that joined a story another source (or item) had already made
 * @param known entries already stored for this source (re-polled), edited or not
 * @param edited known entries whose edit changed the text of the story they first sighted
 * @param categories the categories whose stories changed (membership, text or sources), so
 *     whose renderings are stale
 */
public record IngestResult(int newStories, int joined, int known, int edited,
    Set<String> categories) {

  public static final IngestResult NOTHING = new IngestResult(0, 0, 0, 0, Set.of());

  public IngestResult {
    categories = Set.copyOf(categories);
  }

  /** Whether any story readers can see changed. */
  public boolean changed() {
    return newStories > 0 || joined > 0 || edited > 0;
  }
}
