package vn.bantin.http;

import java.time.Instant;
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

  // Scanned in place rather than split: this runs for every conditional request.
  private static boolean matches(String ifNoneMatch, String etag) {
    int etagFrom = opaqueStart(etag, 0, etag.length());
    int etagLength = etag.length() - etagFrom;
    int start = 0;
    while (start <= ifNoneMatch.length()) {
      int comma = ifNoneMatch.indexOf(',', start);
      int end = comma < 0 ? ifNoneMatch.length() : comma;
      int from = start;
      int to = end;
      while (from < to && Character.isWhitespace(ifNoneMatch.charAt(from))) {
        from++;
      }
      while (to > from && Character.isWhitespace(ifNoneMatch.charAt(to - 1))) {
        to--;
      }
      if (to - from == 1 && ifNoneMatch.charAt(from) == '*') {
        return true;
      }
      int tagFrom = opaqueStart(ifNoneMatch, from, to);
      if (to - tagFrom == etagLength
          && ifNoneMatch.regionMatches(tagFrom, etag, etagFrom, etagLength)) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  /** Where the opaque tag of {@code s[from, to)} starts: after a weak {@code W/} prefix. */
  private static int opaqueStart(String s, int from, int to) {
    return to - from >= 2 && s.startsWith("W/", from) ? from + 2 : from;
  }

  /** An IMF-fixdate (or the obsolete RFC 850 and asctime forms Java reads), or {@code null}. */
  static Instant parseHttpDate(String value) {
    try {
      return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
