package vn.bantin.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One item of one source after normalization: NFC text, sanitized HTML, absolute links, a date.
 *
 * @param sourceId the configured source that published it
 * @param key identity within the source: the RSS {@code guid} or Atom {@code id}, else the link,
 *     else a content hash; re-polling the same item yields the same key
 * @param link absolute http(s) URL of the article, or {@code null}
 * @param title plain text, never {@code null} (may be empty)
 * @param summaryHtml sanitized HTML, never {@code null} (may be empty)
 * @param contentHtml sanitized HTML of the full content, never {@code null} (may be empty)
 * @param author plain text, or {@code null}
 * @param published when it was published; the fetch time when missing or in the future
 * @param fetchedAt when bantin fetched it
 */
public record Entry(
    String sourceId,
    String key,
    String link,
    String title,
    String summaryHtml,
    String contentHtml,
    String author,
    Instant published,
    Instant fetchedAt) {

  public Entry {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(summaryHtml, "summaryHtml");
    Objects.requireNonNull(contentHtml, "contentHtml");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
  }
}
