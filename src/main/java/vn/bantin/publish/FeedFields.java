package vn.bantin.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import vn.bantin.model.Story;

/** The ids and dates that must read the same in every format. */
final class FeedFields {

  private static final String STORY_URN = "urn:bantin:story:";
  private static final String SOURCE_URN = "urn:bantin:source:";
  private static final String FEED_URN = "urn:bantin:feed:";
  private static final String URN_SAFE =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/";

  private FeedFields() {}

  /**
   * The public id of a story: RSS {@code guid}, Atom {@code id} and JSON Feed {@code id} alike.
   * It derives from {@link Story#id()} only, which never changes once minted, so readers never
   * see a story twice (RSS 2.0 {@code guid}; RFC 4287 §4.2.6 "permanent, universally unique").
   */
  static String storyId(Story story) {
    return STORY_URN + urnPart(story.id());
  }

  /** The Atom {@code id} of a category feed. */
  static String feedId(String categoryId) {
    return FEED_URN + urnPart(categoryId);
  }

  /** The Atom {@code id} of a source feed, inside {@code atom:source}. */
  static String sourceId(String sourceId) {
    return SOURCE_URN + urnPart(sourceId);
  }

  /** RFC 822 (as updated by RFC 1123) in GMT with English names, as RSS 2.0 dates require. */
  static String rfc822(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(
        instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }

  /** RFC 3339 in UTC, whole seconds, as Atom (RFC 4287 §3.3) and JSON Feed 1.1 require. */
  static String rfc3339(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Empty for {@code null}, so optional story fields need one test. */
  static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  // Ids are minted by bantin and normally need no escaping; anything outside RFC 8141's NSS
  // characters is percent-encoded (UTF-8) so the URN stays valid and still deterministic.
  private static String urnPart(String raw) {
    String s = CharFilter.xmlSafe(raw);
    StringBuilder out = new StringBuilder(s.length());
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (c < 0x80 && URN_SAFE.indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
