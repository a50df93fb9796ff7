package vn.bantin.fetch;

import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import vn.bantin.model.Failure;
import vn.bantin.model.FailureCode;

/** What a response's status and headers mean for the poll. Pure over the response head. */
final class ResponseHeaders {

  private ResponseHeaders() {}

  /** The failure for a status that is neither 200, 304 nor a followed redirect. */
  static FetchResult.Failed statusFailure(HttpClientResponse response, Instant now,
      String permanentUrl) {
    int status = response.statusCode();
    // An HTTP-date Retry-After is measured from the upstream's own Date, immune to clock skew.
    Instant sent = HttpDates.parse(response.getHeader(HttpHeaders.DATE));
    Duration retryAfter = RetryAfter.parse(response.getHeader(HttpHeaders.RETRY_AFTER),
        sent != null ? sent : now);
    FailureCode code = switch (status) {
      case 429, 503 -> FailureCode.RATE_LIMITED; // RFC 6585 §4, RFC 9110 §15.6.4
      case 410 -> FailureCode.GONE; // RFC 9110 §15.5.11: gone for good
      default -> FailureCode.HTTP_STATUS;
    };
    return new FetchResult.Failed(new Failure(code, "HTTP " + status), status, retryAfter,
        permanentUrl);
  }

  /** The freshness lifetime the response declares, or {@code null}. */
  static Duration maxAge(HttpClientResponse response, Instant now) {
    return Freshness.maxAge(response.getHeader(HttpHeaders.CACHE_CONTROL),
        response.getHeader(HttpHeaders.EXPIRES), response.getHeader(HttpHeaders.DATE), now);
  }

  /** The declared {@code Content-Length}, or -1 when there is none (chunked, close-delimited). */
  static long contentLength(HttpClientResponse response) {
    String value = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    try {
      return value == null ? -1 : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1; // Netty refuses a malformed length before the response reaches us
    }
  }
}
