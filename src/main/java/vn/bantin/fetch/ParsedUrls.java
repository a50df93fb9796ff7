package vn.bantin.fetch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link FetchUrl} of each URL fetched lately. A source is fetched from the same URL poll
 * after poll, and taking it apart ({@link java.net.URI}, escaping, host checks) was a seventh of
 * the fetcher's event-loop time in an unchanged cycle (bench/README.md, "Poll cycle"); a
 * {@link FetchUrl} is an immutable value of its text, so the one parsed last time is as good.
 * URLs that do not parse are not kept: they fail again with the same message. The least
 * recently used URL goes once {@code capacity} are kept. Not thread-safe: confined to the
 * fetcher's event loop.
 */
final class ParsedUrls {
  private final Map<String, FetchUrl> byText;

  /** @param capacity URLs kept, at least 1 */
  ParsedUrls(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.byText = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, FetchUrl> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * {@link FetchUrl#parse} of {@code url}, from the last time when it is kept.
   *
   * @throws IllegalArgumentException as {@link FetchUrl#parse} does
   */
  FetchUrl parse(String url) {
    FetchUrl known = url == null ? null : byText.get(url);
    if (known != null) {
      return known;
    }
    FetchUrl parsed = FetchUrl.parse(url);
    byText.put(url, parsed);
    return parsed;
  }

  /** URLs kept now. */
  int size() {
    return byText.size();
  }
}
