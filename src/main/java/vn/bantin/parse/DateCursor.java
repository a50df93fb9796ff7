package vn.bantin.parse;

import java.time.DateTimeException;

/**
 * Reads a date string left to right for {@link FeedDates}. A character that does not fit throws
 * {@link DateTimeException}, which {@code FeedDates} turns into "not recognized".
 */
final class DateCursor {

  /** Returned by the zone readers for "no zone here". */
  static final int NO_ZONE = Integer.MIN_VALUE;

  private final String s;
  private int i;

  DateCursor(String s) {
    this.s = s;
  }

  int position() {
    return i;
  }

  boolean done() {
    return i == s.length();
  }

  /** The next character without taking it, or 0 at the end. */
  char peek() {
    return i < s.length() ? s.charAt(i) : 0;
  }

  char next() {
    if (done()) {
      throw new DateTimeException("ends early");
    }
    return s.charAt(i++);
  }

  void expect(char expected) {
    if (next() != expected) {
      throw new DateTimeException("expected " + expected);
    }
  }

  /** Skips spaces and tabs. */
  void spaces() {
    while (peek() == ' ' || peek() == '\t') {
      i++;
    }
  }

  /** A run of ASCII letters, possibly empty. */
  String letters() {
    int start = i;
    while ((peek() | 0x20) >= 'a' && (peek() | 0x20) <= 'z') {
      i++;
    }
    return s.substring(start, i);
  }

  /** A number of {@code min} to {@code max} ASCII digits. */
  int digits(int min, int max) {
    int value = 0;
    int count = 0;
    while (count < max && peek() >= '0' && peek() <= '9') {
      value = value * 10 + (s.charAt(i++) - '0');
      count++;
    }
    if (count < min) {
      throw new DateTimeException("expected " + min + " digits");
    }
    return value;
  }

  /** A decimal fraction of a second as nanoseconds; digits past the ninth are dropped. */
  int fraction() {
    int nanos = 0;
    int count = 0;
    while (peek() >= '0' && peek() <= '9') {
      int digit = s.charAt(i++) - '0';
      if (count < 9) {
        nanos = nanos * 10 + digit;
        count++;
      }
    }
    if (count == 0) {
      throw new DateTimeException("empty fraction");
    }
    for (; count < 9; count++) {
      nanos *= 10;
    }
    return nanos;
  }

  /** {@code Z} (either case) as 0, or {@link #numericOffset}. */
  int numericOffsetOrZ() {
    if (peek() == 'Z' || peek() == 'z') {
      i++;
      return 0;
    }
    return numericOffset(2);
  }

  /**
   * {@code ±hhmm}, {@code ±hh:mm} or {@code ±hh} (hours of at least {@code minHourDigits}
   * digits) in seconds east of UTC, or {@link #NO_ZONE} when no sign comes next.
   */
  int numericOffset(int minHourDigits) {
    char sign = peek();
    if (sign != '+' && sign != '-') {
      return NO_ZONE;
    }
    i++;
    int start = i;
    int run = digits(minHourDigits, 4);
    int hours;
    int minutes = 0;
    if (i - start == 4) {
      hours = run / 100;
      minutes = run % 100;
    } else if (i - start == 3) {
      throw new DateTimeException("three-digit offset");
    } else {
      hours = run;
      if (peek() == ':') {
        i++;
        minutes = digits(2, 2);
      }
    }
    if (hours > 18 || minutes > 59) {
      throw new DateTimeException("offset out of range");
    }
    int seconds = hours * 3_600 + minutes * 60;
    return sign == '-' ? -seconds : seconds;
  }
}
