package vn.bantin.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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

  private static final long SECONDS_PER_DAY = 86_400;
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

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
    long seconds = instant.getEpochSecond();
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
    if (date.getYear() < 1000 || date.getYear() > 9999) {
      return DateTimeFormatter.RFC_1123_DATE_TIME.format(
          instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }
    // Hand-written for the render path (one date per item; the formatter costs more than the
    // rest of the item's markup). The same text as RFC_1123_DATE_TIME: the day of the month is
    // not padded, the time is, and a zero offset is written "GMT".
    StringBuilder out = new StringBuilder(29)
        .append(DAYS[date.getDayOfWeek().ordinal()]).append(", ").append(date.getDayOfMonth())
        .append(' ').append(MONTHS[date.getMonthValue() - 1]).append(' ').append(date.getYear())
        .append(' ');
    time(out, (int) Math.floorMod(seconds, SECONDS_PER_DAY));
    return out.append(" GMT").toString();
  }

  /** RFC 3339 in UTC, whole seconds, as Atom (RFC 4287 §3.3) and JSON Feed 1.1 require. */
  static String rfc3339(Instant instant) {
    long seconds = instant.getEpochSecond();
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
    if (date.getYear() < 1000 || date.getYear() > 9999) {
      return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
    // Hand-written like rfc822; the same text as ISO_INSTANT for years 1000 to 9999.
    StringBuilder out = new StringBuilder(20).append(date.getYear()).append('-');
    twoDigits(out, date.getMonthValue()).append('-');
    twoDigits(out, date.getDayOfMonth()).append('T');
    time(out, (int) Math.floorMod(seconds, SECONDS_PER_DAY));
    return out.append('Z').toString();
  }

  private static void time(StringBuilder out, int secondOfDay) {
    twoDigits(out, secondOfDay / 3600).append(':');
    twoDigits(out, secondOfDay / 60 % 60).append(':');
    twoDigits(out, secondOfDay % 60);
  }

  private static StringBuilder twoDigits(StringBuilder out, int value) {
    return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
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
