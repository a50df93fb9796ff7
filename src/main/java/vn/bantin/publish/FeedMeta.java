package vn.bantin.publish;

import java.time.Instant;

/**
 * Feed-level metadata of one category rendering.
 *
 * @param categoryId e.g. {@code xay-dung-dang} or {@code all}
 * @param title e.g. {@code Xây dựng Đảng}
 * @param description may be empty
 * @param baseUrl the server's public base URL without trailing slash, e.g.
 *     {@code https://bantin.example.vn}; self links are {@code baseUrl + "/feeds/" + id + ".rss"}
 * @param updated the newest story's date, or the epoch (1970-01-01T00:00:00Z) when the
 *     category is empty: never the render time, so instances render equal bytes
 */
public record FeedMeta(String categoryId, String title, String description, String baseUrl,
    Instant updated) {

  /** The URL of this category in the given format. */
  public String feedUrl(Format format) {
    return baseUrl + "/feeds/" + categoryId + "." + format.extension();
  }

  /** The human home page of the category: its HTML list. */
  public String homeUrl() {
    return baseUrl + "/feeds/" + categoryId + ".html";
  }
}
