package vn.bantin.fetch;

import java.time.Duration;
import java.time.Instant;

/** Reads a {@code Retry-After} header (RFC 9110 §10.2.3). Pure and thread-safe. */
public final class RetryAfter {

  private RetryAfter() {}

  /**
   * How long the upstream asks us to wait.
   *
   * @param value the header, either delta-seconds ({@code 120}) or an HTTP-date
   * @param now the instant the date form is measured from (the response's {@code Date} when it
   *     has one, so clock skew between us and the upstream does not matter)
   * @return the wait, {@link Duration#ZERO} for a date in the past, or {@code null} when the
   *     header is absent or not one of the two forms
   */
  public static Duration parse(String value, Instant now) {
    if (value == null) {
      return null;
    }
    String text = value.trim();
    if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // delta-seconds = 1*DIGIT; an absurdly long one saturates rather than overflowing.
      return text.length() > 12 ? Duration.ofSeconds(999_999_999_999L)
          : Duration.ofSeconds(Long.parseLong(text));
    }
    Instant at = HttpDates.parse(text);
    if (at == null) {
      return null;
    }
    Duration wait = Duration.between(now, at);
    return wait.isNegative() ? Duration.ZERO : wait;
  }
}
