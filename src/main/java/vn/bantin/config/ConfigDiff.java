package vn.bantin.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Says in one line what changed between two configurations, for the history and the audit log:
 * {@code source vov-kinh-te added; source bao-lai-chau changed (url, interval); category
 * lai-chau removed}. Items are matched by id; a changed item names the fields (as in feeds.yml)
 * that differ.
 */
final class ConfigDiff {
  /** The summary when the text differs but the configuration does not. */
  static final String NO_EFFECTIVE_CHANGE = "no effective change (comments or layout)";

  // A history line, not a report: past this many clauses the rest is counted.
  private static final int MAX_CLAUSES = 12;

  /** One field of an item, named as in feeds.yml. */
  private record Field<T>(String name, Function<T, Object> value) {}

  private static final List<Field<SourceConfig>> SOURCE_FIELDS = List.of(
      new Field<>("title", SourceConfig::title),
      new Field<>("url", SourceConfig::url),
      new Field<>("tags", SourceConfig::tags),
      new Field<>("interval", SourceConfig::interval),
      new Field<>("enabled", SourceConfig::enabled));

  private static final List<Field<CategoryConfig>> CATEGORY_FIELDS = List.of(
      new Field<>("title", CategoryConfig::title),
      new Field<>("description", CategoryConfig::description),
      new Field<>("sources", CategoryConfig::sources),
      new Field<>("tags", CategoryConfig::tags),
      new Field<>("include", CategoryConfig::include),
      new Field<>("exclude", CategoryConfig::exclude),
      new Field<>("max_age", CategoryConfig::maxAge),
      new Field<>("limit", CategoryConfig::limit));

  private ConfigDiff() {}

  /** What changed from {@code before} to {@code after}; never empty. */
  static String summary(FeedsConfig before, FeedsConfig after) {
    if (before.equals(after)) {
      return NO_EFFECTIVE_CHANGE;
    }
    List<String> clauses = new ArrayList<>();
    items("source", before.sources(), after.sources(), SourceConfig::id, SOURCE_FIELDS, clauses);
    items("category", before.categories(), after.categories(), CategoryConfig::id,
        CATEGORY_FIELDS, clauses);
    if (!before.defaultInterval().equals(after.defaultInterval())) {
      clauses.add("defaults changed (interval)");
    }
    if (clauses.isEmpty()) {
      // Equal items in another order, the only difference left between the records. The order
      // shows in /api/categories and the OPML, so it is a change worth naming.
      if (!before.sources().equals(after.sources())) {
        clauses.add("sources reordered");
      }
      if (!before.categories().equals(after.categories())) {
        clauses.add("categories reordered");
      }
    }
    if (clauses.size() > MAX_CLAUSES) {
      int more = clauses.size() - MAX_CLAUSES;
      clauses = new ArrayList<>(clauses.subList(0, MAX_CLAUSES));
      clauses.add("and " + more + " more");
    }
    return String.join("; ", clauses);
  }

  /** Added (in the new order), changed (in the new order), then removed (in the old order). */
  private static <T> void items(String kind, List<T> before, List<T> after, Function<T, String> id,
      List<Field<T>> fields, List<String> clauses) {
    Map<String, T> old = byId(before, id);
    Map<String, T> now = byId(after, id);
    for (T item : after) {
      if (!old.containsKey(id.apply(item))) {
        clauses.add(kind + " " + id.apply(item) + " added");
      }
    }
    for (T item : after) {
      T was = old.get(id.apply(item));
      if (was != null && !was.equals(item)) {
        List<String> changed = new ArrayList<>();
        for (Field<T> field : fields) {
          if (!Objects.equals(field.value().apply(was), field.value().apply(item))) {
            changed.add(field.name());
          }
        }
        clauses.add(kind + " " + id.apply(item) + " changed (" + String.join(", ", changed) + ")");
      }
    }
    for (T item : before) {
      if (!now.containsKey(id.apply(item))) {
        clauses.add(kind + " " + id.apply(item) + " removed");
      }
    }
  }

  private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
    Map<String, T> map = new LinkedHashMap<>();
    items.forEach(item -> map.put(id.apply(item), item));
    return map;
  }
}
