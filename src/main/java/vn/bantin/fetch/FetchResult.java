package vn.bantin.fetch;

import java.time.Duration;
import vn.bantin.model.Failure;

/**
 * What one fetch ended with. A fetch never fails its future: every failure is a {@link Failed}.
 * {@code permanentUrl} is the target of a chain of 301/308 redirects starting at the requested
 * URL, which the source should be polled at from now on, or {@code null}.
 */
public sealed interface FetchResult {

  /** Target of permanent redirects from the requested URL, or {@code null}. */
  String permanentUrl();

  /**
   * 200 with a body.
   *
   * @param finalUrl the URL the body came from, after redirects (the base for relative links)
   * @param body the decoded body (gzip already undone), at most the configured caps
   * @param contentType the {@code Content-Type} header, or {@code null}
   * @param etag the {@code ETag} header, or {@code null}
   * @param lastModified the {@code Last-Modified} header, or {@code null}
   * @param maxAge how long the upstream says this stays fresh (Cache-Control max-age, Expires),
   *     or {@code null}
   */
  record Fetched(String finalUrl, String permanentUrl, byte[] body, String contentType,
      String etag, String lastModified, Duration maxAge) implements FetchResult {}

  /** 304 Not Modified: what we hold is current. */
  record NotModified(String finalUrl, String permanentUrl, Duration maxAge)
      implements FetchResult {}

  /**
   * No usable body.
   *
   * @param status the HTTP status when one came, else {@code null}
   * @param retryAfter the upstream's {@code Retry-After}, or {@code null}
   */
  record Failed(Failure failure, Integer status, Duration retryAfter, String permanentUrl)
      implements FetchResult {}
}
