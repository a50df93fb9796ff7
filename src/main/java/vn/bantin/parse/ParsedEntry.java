package vn.bantin.parse;

import java.time.Instant;

/**
 * One item as the feed wrote it, before normalization. Text fields may hold HTML markup and
 * entities, relative links and any Unicode form; normalize cleans them.
 *
 * @param id RSS {@code guid}, Atom {@code id} or JSON Feed {@code id}, or {@code null}
 * @param link the item's link as written (maybe relative), or {@code null}
 * @param title as written (may contain markup), or {@code null}
 * @param summaryHtml HTML (plain-text summaries escaped), or {@code null}
 * @param contentHtml HTML (plain-text content escaped), or {@code null}
 * @param author name, or {@code null}
 * @param published the item's publication date, or {@code null}
 * @param updated the item's update date, or {@code null}
 * @param baseUrl the base for relative links inside this item ({@code xml:base} in scope, else
 *     the feed's link, else the fetch URL), never {@code null}
 */
public record ParsedEntry(String id, String link, String title, String summaryHtml,
    String contentHtml, String author, Instant published, Instant updated, String baseUrl) {}
