package vn.bantin.curate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.bantin.config.CategoryConfig;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.SourceConfig;
import vn.bantin.model.Story;

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

  /**
   * The categories {@code story} belongs to: those taking one of its sources whose keywords
   * keep it. Age limits are applied when serving, not here. Pure and thread-safe.
   */
  public Set<String> of(Story story) {
    Set<String> ids = new TreeSet<>();
    // Parsing the summary and folding its diacritics costs more than every keyword match after
    // it, so the text is prepared once per story, and only if some category asks.
    Keyword.Text text = null;
    for (Category c : byId.values()) {
      if (story.sources().stream().noneMatch(s -> c.sourceIds().contains(s.id()))) {
        continue;
      }
      if (c.hasKeywords() && text == null) {
        text = Keyword.Text.of(story);
      }
      if (!c.hasKeywords() || c.keeps(text)) {
        ids.add(c.id());
      }
    }
    return ids;
  }

  /**
   * A digest of everything {@link #of} depends on (ids, sources, keywords): equal digests
   * file every story the same way, so stored memberships stay valid.
   */
  public String version() {
    StringBuilder rules = new StringBuilder();
    for (Category c : byId.values()) {
      rules.append(c.id()).append('\n').append(new TreeSet<>(c.sourceIds())).append('\n')
          .append(c.include().stream().map(Keyword::written).toList()).append('\n')
          .append(c.exclude().stream().map(Keyword::written).toList()).append("\n\n");
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(rules.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
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
