package vn.bantin.fetch;

/**
 * One conditional GET.
 *
 * @param url absolute http(s) URL
 * @param etag sent as {@code If-None-Match}, or {@code null}
 * @param lastModified sent as {@code If-Modified-Since}, or {@code null}
 */
public record FetchRequest(String url, String etag, String lastModified) {}
