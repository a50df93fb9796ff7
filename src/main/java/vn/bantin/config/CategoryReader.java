package vn.bantin.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Reads one entry of {@code categories:} in {@code feeds.yml}. */
final class CategoryReader {
  static final List<String> KEYS = List.of("id", "title", "description", "sources", "tags",
      "include", "exclude", "max_age", "limit");

  /** The entries a category feed serves unless {@code limit} says otherwise. */
  static final int DEFAULT_LIMIT = 50;

  /** The most entries a category feed serves, as {@code ?limit=} allows (CONTRACT, HTTP). */
  static final int MAX_LIMIT = 500;

  private CategoryReader() {}

  /**
   * The category, with "" for an id or title that was reported as a problem.
   *
   * @param knownSources ids of the sources of the same file
   */
  static CategoryConfig read(MappingReader m, Set<String> knownSources) {
    String id = FeedsReader.id(m);
    if (id.equals(FeedsConfig.ALL)) {
      m.report("id", "'all' is reserved: that category always lists every enabled source");
    }
    String title = m.requiredText("title");
    String description = m.text("description").orElse("");
    List<String> sources = TextItems.read(m, "sources", item -> {
      if (!knownSources.contains(item.text())) {
        item.problem("unknown source '" + item.text() + "'");
        return false;
      }
      return true;
    });
    List<String> tags = TextItems.texts(m, "tags");
    if (!isGiven(m, "sources") && !isGiven(m, "tags")) {
      m.problems().add(m.line(), m.path(), "name sources or tags (or both) to take entries from");
    }
    Duration maxAge = m.duration("max_age", null, FeedsReader.MIN_INTERVAL);
    List<String> include = TextItems.texts(m, "include");
    List<String> exclude = TextItems.texts(m, "exclude");
    int limit = m.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    return new CategoryConfig(id, title, description, sources, tags, include, exclude, maxAge,
        limit);
  }

  // Given with something in it; a value of the wrong type counts, as it is reported already.
  private static boolean isGiven(MappingReader m, String key) {
    return m.value(key).filter(v -> !(v instanceof YamlNode.Sequence s && s.items().isEmpty()))
        .isPresent();
  }
}
