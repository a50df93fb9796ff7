package vn.bantin.model;

import java.time.Instant;
import java.util.List;

/**
 * What readers see: one story, however many sources carried it. The id, link and date are those
 * of the first sighting and never change afterwards.
 *
 * @param id public id, minted at first sighting, stable across re-polls, restarts and merges
 * @param link the first sighting's link, or {@code null}
 * @param title plain text
 * @param summaryHtml sanitized HTML (may be empty)
 * @param contentHtml sanitized HTML (may be empty)
 * @param author plain text, or {@code null}
 * @param published the first sighting's date
 * @param sources every source that carried it, the first sighting first
 */
public record Story(
    String id,
    String link,
    String title,
    String summaryHtml,
    String contentHtml,
    String author,
    Instant published,
    List<SourceRef> sources) {

  public Story {
    sources = List.copyOf(sources);
  }
}
