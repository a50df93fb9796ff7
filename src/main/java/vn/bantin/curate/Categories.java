package vn.bantin.curate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.bantin.config.CategoryConfig;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.SourceConfig;

/** The categories of one configuration, {@code all} first. Immutable and thread-safe. */
public final class Categories {
  static final String ALL_TITLE = "Tất cả tin";
  static final String ALL_DESCRIPTION = "Tin mới từ mọi nguồn";
  /** The contract's default number of entries per category. */
  public static final int DEFAULT_LIMIT = 50;

  private final Map<String, Category> byId;

  public Categories(FeedsConfig config) {
    List<SourceConfig> enabled = config.sources().stream().filter(SourceConfig::enabled).toList();
    List<Category> categories = new ArrayList<>();
    categories.add(new Category(FeedsConfig.ALL, ALL_TITLE, ALL_DESCRIPTION,
        enabled.stream().map(SourceConfig::id).collect(Collectors.toSet()),
        List.of(), List.of(), null, DEFAULT_LIMIT));
    for (CategoryConfig c : config.categories()) {
      categories.add(resolve(c, enabled));
    }
    byId = categories.stream().collect(Collectors.toMap(Category::id, Function.identity(),
        (a, b) -> a, java.util.LinkedHashMap::new));
  }

  public Optional<Category> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Every category, {@code all} first, then as configured. */
  public List<Category> list() {
    return List.copyOf(byId.values());
  }

  /** The categories that take stories from {@code sourceId}. */
  public List<Category> taking(String sourceId) {
    return byId.values().stream().filter(c -> c.sourceIds().contains(sourceId)).toList();
  }

  private static Category resolve(CategoryConfig c, List<SourceConfig> enabled) {
    Set<String> ids = new LinkedHashSet<>();
    for (SourceConfig s : enabled) {
      if (c.sources().contains(s.id()) || s.tags().stream().anyMatch(c.tags()::contains)) {
        ids.add(s.id());
      }
    }
    return new Category(c.id(), c.title(), c.description(), ids,
        c.include().stream().map(Keyword::of).toList(),
        c.exclude().stream().map(Keyword::of).toList(), c.maxAge(), c.limit());
  }
}
