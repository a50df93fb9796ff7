package vn.bantin.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration syntax of both configuration files: a whole number and one unit, {@code s}, {@code
 * m}, {@code h} or {@code d} ({@code 90s}, {@code 15m}, {@code 2h}, {@code 7d}).
 */
public final class Durations {
  // Nine digits keep every value far inside Duration's range (999999999d is ~2.7 million years).
  private static final Pattern SYNTAX = Pattern.compile("([0-9]{1,9})([smhd])");

  /** What a bad duration is told, also the message of {@link #parse}'s exception. */
  static final String EXPECTED = "not a duration (write a whole number and s, m, h or d: 90s, 15m,"
      + " 2h, 7d)";

  private Durations() {}

  /**
   * Parses {@code 90s}, {@code 15m}, {@code 2h} or {@code 7d}. Units are lower case; no spaces,
   * signs, fractions or compound forms.
   *
   * @throws IllegalArgumentException when {@code text} is not such a duration
   */
  public static Duration parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(EXPECTED + ": '" + text + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /**
   * The inverse of {@link #parse}: the largest unit that divides {@code d} exactly ({@code 120m}
   * is {@code 2h}, {@code 90m} stays {@code 90m}); zero is {@code 0s}.
   *
   * @throws IllegalArgumentException when {@code d} is negative or not a whole number of seconds
   */
  public static String format(Duration d) {
    if (d.isNegative() || d.getNano() != 0) {
      throw new IllegalArgumentException("not a whole, non-negative number of seconds: " + d);
    }
    long s = d.getSeconds();
    if (s != 0 && s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (s != 0 && s % 3_600 == 0) {
      return s / 3_600 + "h";
    }
    if (s != 0 && s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }
}
