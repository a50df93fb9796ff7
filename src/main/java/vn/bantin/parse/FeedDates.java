package vn.bantin.parse;

import com.rometools.rome.io.impl.DateParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.Date;
import java.util.Locale;

/**
 * Feed dates parsed by hand: RFC 822 (as amended by RFC 1123 and RFC 2822 section 3.3) for RSS,
 * RFC 3339 (the W3C-DTF profile of ISO 8601) for Atom and Dublin Core, each with the spellings
 * publishers actually write. Rome's {@code DateParser} tries up to 23 {@code SimpleDateFormat}
 * masks per date, a new formatter each, and costs more than the rest of a feed's parse; this reads
 * the characters once.
 *
 * <p>Whatever this does not recognize, or recognizes but finds invalid (31 June, hour 25: Rome's
 * lenient formats roll those over), goes to Rome's {@code DateParser}, so every date Rome parses
 * still parses. Thread-safe: no state.
 */
public final class FeedDates {

  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  private static final String[] DAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

  private FeedDates() {}

  /**
   * {@code text} as an instant: by hand when it is RFC 822 or RFC 3339, else by Rome's
   * {@code DateParser.parseDate}; {@code null} when neither reads it.
   */
  public static Instant parse(String text) {
    Instant fast = parseFast(text);
    if (fast != null) {
      return fast;
    }
    Date rome = DateParser.parseDate(text.trim(), Locale.US);
    return rome == null ? null : rome.toInstant();
  }

  /** RFC 822 or RFC 3339 read by hand, or {@code null} for anything else (no Rome fallback). */
  static Instant parseFast(String text) {
    String s = text.strip();
    if (s.length() < 10) {
      return null;
    }
    try {
      return isDigit(s, 0) && isDigit(s, 3) && s.charAt(4) == '-' ? rfc3339(s) : rfc822(s);
    } catch (DateTimeException e) {
      return null; // a field out of range: Rome's lenient masks decide
    }
  }

  /**
   * RFC 3339 section 5.6 {@code date-time}: {@code YYYY-MM-DD(T|t| )hh:mm[:ss[.frac]](Z|±hh:mm)},
   * plus what W3C-DTF and Rome also take: no seconds, offsets {@code ±hhmm} and {@code ±hh}, a
   * comma before the fraction, and a date alone (midnight UTC, as Rome reads it).
   */
  private static Instant rfc3339(String s) {
    DateCursor c = new DateCursor(s);
    int year = c.digits(4, 4);
    c.expect('-');
    int month = c.digits(2, 2);
    c.expect('-');
    int day = c.digits(2, 2);
    if (c.done()) {
      return at(year, month, day, 0, 0, 0, 0, 0);
    }
    char t = c.next();
    if (t != 'T' && t != 't' && t != ' ') {
      return null;
    }
    int hour = c.digits(2, 2);
    c.expect(':');
    int minute = c.digits(2, 2);
    int second = 0;
    int nanos = 0;
    if (c.peek() == ':') {
      c.next();
      second = c.digits(2, 2);
      if (c.peek() == '.' || c.peek() == ',') {
        c.next();
        nanos = c.fraction();
      }
    }
    int offset = c.numericOffsetOrZ();
    if (offset == DateCursor.NO_ZONE || !c.done()) {
      return null; // no offset: a local time, which RFC 3339 does not allow and Rome rejects
    }
    return at(year, month, day, hour, minute, second, nanos, offset);
  }

  /**
   * RFC 822 section 5.1 as amended: {@code [day ","] D MMM YY[YY] hh:mm[:ss] zone}, the day name
   * English and optional (also written in full or without the comma), the month English in any
   * case, two-digit years as RFC 2822 section 4.3 reads them (00-49 are 20xx, 50-99 19xx), the
   * zone {@code ±hhmm}, {@code ±hh:mm}, {@code GMT}, {@code UT}, {@code UTC}, {@code Z}, the
   * North American names of RFC 822, or {@code GMT±h[h][:mm]} as Vietnamese sites write
   * {@code GMT+7}.
   */
  private static Instant rfc822(String s) {
    DateCursor c = new DateCursor(s);
    if (Character.isLetter(c.peek())) {
      String name = c.letters().toLowerCase(Locale.ROOT);
      if (!isDayName(name)) {
        return null;
      }
      if (c.peek() == ',') {
        c.next();
      }
      c.spaces();
    }
    int day = c.digits(1, 2);
    c.spaces();
    int month = monthOf(c.letters());
    if (month < 0) {
      return null;
    }
    c.spaces();
    int yearStart = c.position();
    int year = c.digits(2, 4);
    int yearDigits = c.position() - yearStart;
    if (yearDigits == 3) {
      return null; // Rome reads "125" as the year 125; leave such dates to it
    }
    if (yearDigits == 2) {
      year += year < 50 ? 2000 : 1900;
    }
    c.spaces();
    int hour = c.digits(1, 2);
    c.expect(':');
    int minute = c.digits(2, 2);
    int second = 0;
    if (c.peek() == ':') {
      c.next();
      second = c.digits(2, 2);
    }
    c.spaces();
    int offset = zone(c);
    if (offset == DateCursor.NO_ZONE || !c.done()) {
      return null;
    }
    return at(year, month, day, hour, minute, second, 0, offset);
  }

  /**
   * The zone of an RFC 822 date in seconds east of UTC, or {@link DateCursor#NO_ZONE} for one
   * not known here.
   */
  private static int zone(DateCursor c) {
    if (!Character.isLetter(c.peek())) {
      return c.numericOffsetOrZ();
    }
    String name = c.letters().toUpperCase(Locale.ROOT);
    switch (name) {
      case "GMT", "UTC", "UT" -> {
        // Vietnamese sites write "GMT+7" and "GMT+07:00".
        return c.done() ? 0 : c.numericOffset(1);
      }
      case "Z" -> { return 0; }
      case "EDT" -> { return -4 * 3600; }
      case "EST", "CDT" -> { return -5 * 3600; }
      case "CST", "MDT" -> { return -6 * 3600; }
      case "MST", "PDT" -> { return -7 * 3600; }
      case "PST" -> { return -8 * 3600; }
      default -> { return DateCursor.NO_ZONE; } // ICT, military letters ...: Rome's zone names decide
    }
  }

  private static Instant at(int year, int month, int day, int hour, int minute, int second,
      int nanos, int offsetSeconds) {
    if (hour > 23 || minute > 59 || second > 59) {
      throw new DateTimeException("time out of range");
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay(); // validates the day
    return Instant.ofEpochSecond(
        epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds, nanos);
  }

  private static boolean isDayName(String name) {
    for (String day : DAYS) {
      if (name.equals(day) || (name.length() == 3 && day.startsWith(name))) {
        return true;
      }
    }
    return false;
  }

  private static int monthOf(String name) {
    if (name.length() < 3) {
      return -1;
    }
    String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
    for (int i = 0; i < MONTHS.length; i++) {
      if (MONTHS[i].equals(prefix)) {
        // "Jun" or "June"; "Junk" is not a month.
        return name.length() == 3 || fullMonth(i).equalsIgnoreCase(name) ? i + 1 : -1;
      }
    }
    return -1;
  }

  private static String fullMonth(int index) {
    return Month.of(index + 1).name();
  }

  private static boolean isDigit(String s, int i) {
    return s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }
}
