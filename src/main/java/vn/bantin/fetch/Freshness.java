package vn.bantin.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** How long a response says it stays fresh (RFC 9111 §4.2.1). Pure. */
final class Freshness {

  private Freshness() {}

  /**
   * {@code Cache-Control: max-age} when present, else {@code Expires} minus {@code Date} (or
   * {@code now} without a Date); {@code null} when neither says anything.
   */
  static Duration maxAge(String cacheControl, String expires, String date, Instant now) {
    Duration fromCacheControl = maxAgeDirective(cacheControl);
    if (fromCacheControl != null) {
      return fromCacheControl; // max-age overrides Expires (RFC 9111 §5.3)
    }
    if (expires == null) {
      return null;
    }
    Instant until = HttpDates.parse(expires);
    if (until == null) {
      return Duration.ZERO; // an invalid Expires, such as "0", means already expired (§5.3)
    }
    Instant sent = HttpDates.parse(date);
    Duration age = Duration.between(sent != null ? sent : now, until);
    return age.isNegative() ? Duration.ZERO : age;
  }

  private static Duration maxAgeDirective(String cacheControl) {
    if (cacheControl == null) {
      return null;
    }
    for (String directive : cacheControl.split(",")) {
      String d = directive.trim().toLowerCase(Locale.ROOT);
      if (d.startsWith("max-age=")) {
        String v = d.substring("max-age=".length()).replace("\"", "").trim();
        if (!v.isEmpty() && v.length() <= 12 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
          return Duration.ofSeconds(Long.parseLong(v));
        }
      }
    }
    return null;
  }
}
