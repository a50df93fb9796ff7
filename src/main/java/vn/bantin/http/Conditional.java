package vn.bantin.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Conditional request evaluation for GET and HEAD (RFC 9110 §13.1.2, §13.1.3, §13.2.2). */
final class Conditional {
  private Conditional() {}

  /**
   * Whether the answer is 304 Not Modified. If-None-Match wins over If-Modified-Since when both
   * are sent (RFC 9110 §13.1.3); If-None-Match uses the weak comparison (§8.8.3.2).
   */
  static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag,
      Instant lastModified) {
    if (ifNoneMatch != null) {
      return matches(ifNoneMatch, etag);
    }
    if (ifModifiedSince != null) {
      Instant since = parseHttpDate(ifModifiedSince);
      return since != null && lastModified.getEpochSecond() <= since.getEpochSecond();
    }
    return false;
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    String opaque = opaque(etag);
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*") || opaque(tag).equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  /** An IMF-fixdate (or the obsolete RFC 850 and asctime forms Java reads), or {@code null}. */
  static Instant parseHttpDate(String value) {
    try {
      return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
  }
}
