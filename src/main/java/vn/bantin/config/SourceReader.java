package vn.bantin.config;

import java.time.Duration;
import java.util.List;

/** Reads one entry of {@code sources:} in {@code feeds.yml}. */
final class SourceReader {
  static final List<String> KEYS = List.of("id", "title", "url", "tags", "interval", "enabled");

  private SourceReader() {}

  /** The source, with "" for an id or title that was reported as a problem. */
  static SourceConfig read(MappingReader m, Duration defaultInterval) {
    String id = FeedsReader.id(m);
    String title = m.requiredText("title");
    String url = m.requiredText("url");
    if (!url.isBlank() && !HttpUrls.isHttpUrl(url)) {
      m.report("url", "not an http(s) URL");
    }
    List<String> tags = TextItems.texts(m, "tags");
    Duration interval = m.duration("interval", defaultInterval, FeedsReader.MIN_INTERVAL);
    boolean enabled = m.bool("enabled", true);
    return new SourceConfig(id, title, url, tags, interval, enabled);
  }
}
