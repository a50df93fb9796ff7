package vn.bantin.model;

/**
 * A source that carried a story, as readers see it.
 *
 * @param id the configured source id
 * @param title the source's configured title
 * @param url the story's link at that source (its own article URL), or {@code null}
 */
public record SourceRef(String id, String title, String url) {}
