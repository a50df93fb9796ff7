package vn.bantin.fetch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/** Parses HTTP-dates in the three forms a recipient must accept (RFC 9110 §5.6.7). */
final class HttpDates {

  /** IMF-fixdate {@code Sun, 06 Nov 1994 08:49:37 GMT}; the JDK formatter is lenient enough. */
  private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.RFC_1123_DATE_TIME;

  /**
   * Obsolete RFC 850 form {@code Sunday, 06-Nov-94 08:49:37 GMT}. Two-digit years are read in
   * 1970-2069, close enough to RFC 9110's "more than 50 years in the future" rule for the dates
   * servers send.
   */
  private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .appendPattern("EEEE, dd-MMM-")
      .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
      .appendPattern(" HH:mm:ss 'GMT'")
      .toFormatter(Locale.US)
      .withZone(ZoneOffset.UTC);

  /** ANSI C asctime() form {@code Sun Nov  6 08:49:37 1994}. */
  private static final DateTimeFormatter ASCTIME = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .appendPattern("EEE MMM")
      .appendLiteral(' ')
      .padNext(2)
      .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE)
      .appendPattern(" HH:mm:ss yyyy")
      .toFormatter(Locale.US)
      .withZone(ZoneOffset.UTC);

  private static final List<DateTimeFormatter> FORMS = List.of(IMF_FIXDATE, RFC_850, ASCTIME);

  private HttpDates() {}

  /** The instant, or {@code null} when {@code value} is null or no HTTP-date. */
  static Instant parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.trim();
    for (DateTimeFormatter form : FORMS) {
      try {
        return form.parse(text, Instant::from);
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return null;
  }
}
