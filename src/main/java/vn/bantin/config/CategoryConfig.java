package vn.bantin.config;

import java.time.Duration;
import java.util.List;

/**
 * One configured category of {@code feeds.yml}.
 *
 * @param description may be empty
 * @param sources source ids, may be empty
 * @param tags source tags, may be empty; a source with any of them belongs
 * @param include keywords, may be empty; when not, an entry must match one
 * @param exclude keywords, may be empty; an entry matching one is dropped
 * @param maxAge entries older than this are dropped, or {@code null}
 * @param limit the default and largest number of entries served (1 to 500, default 50)
 */
public record CategoryConfig(String id, String title, String description, List<String> sources,
    List<String> tags, List<String> include, List<String> exclude, Duration maxAge, int limit) {

  public CategoryConfig {
    sources = List.copyOf(sources);
    tags = List.copyOf(tags);
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }
}
