package vn.bantin.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The validated content of {@code feeds.yml}: what to poll and which categories to publish. */
public record FeedsConfig(Duration defaultInterval, List<SourceConfig> sources,
    List<CategoryConfig> categories) {

  public FeedsConfig {
    sources = List.copyOf(sources);
    categories = List.copyOf(categories);
  }

  /** The id of the category every enabled source belongs to; reserved in feeds.yml. */
  public static final String ALL = "all";

  public Optional<SourceConfig> source(String id) {
    return sources.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<CategoryConfig> category(String id) {
    return categories.stream().filter(c -> c.id().equals(id)).findFirst();
  }
}
