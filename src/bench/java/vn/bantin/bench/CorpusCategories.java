package vn.bantin.bench;

import java.util.Set;
import java.util.TreeSet;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;

/**
 * The category rules every benchmark corpus is written under, installed with {@link
 * vn.bantin.store.Store#categorize} before the first entry, so that ingest maintains category
 * memberships as it does in the server: {@link #ALL} takes every story, {@link #PLACE} the ~6% of
 * titles naming Lai Châu, {@link #ONE_SOURCE} the stories of one source (1% with 100 sources).
 */
final class CorpusCategories {

  static final String VERSION = "bench-categories-1";
  static final String ALL = "tat-ca";
  static final String PLACE = "lai-chau";
  static final String ONE_SOURCE = "nguon-07";

  private CorpusCategories() {}

  static Set<String> of(Story story) {
    Set<String> categories = new TreeSet<>();
    categories.add(ALL);
    if (story.title().contains("Lai Châu")) {
      categories.add(PLACE);
    }
    for (SourceRef source : story.sources()) {
      if (source.id().equals("nguon-07") || source.id().equals("nguon-007")) {
        categories.add(ONE_SOURCE);
      }
    }
    return categories;
  }
}
