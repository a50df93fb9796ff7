package vn.bantin.config;

import java.time.Duration;
import java.util.List;

/**
 * One configured source of {@code feeds.yml}.
 *
 * @param interval the poll interval (the file's default when the source names none)
 */
public record SourceConfig(String id, String title, String url, List<String> tags,
    Duration interval, boolean enabled) {

  public SourceConfig {
    tags = List.copyOf(tags);
  }
}
