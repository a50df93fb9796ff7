package vn.bantin.publish;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Dates as Vietnamese readers write them, in Vietnam's time zone. */
final class VietnameseDates {

  /** Vietnam has one time zone, UTC+7, without daylight saving. */
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private VietnameseDates() {}

  /** E.g. {@code Thứ Năm, 26/11/2026 09:45} for 2026-11-26T02:45:00Z. */
  static String format(Instant instant) {
    ZonedDateTime local = instant.atZone(VIETNAM);
    return dayName(local.getDayOfWeek()) + ", " + DATE_TIME.format(local);
  }

  // Written out rather than taken from the JDK's locale data, whose Vietnamese names and casing
  // vary between releases; these are the forms Vietnamese newspapers print.
  static String dayName(DayOfWeek day) {
    return switch (day) {
      case MONDAY -> "Thứ Hai";
      case TUESDAY -> "Thứ Ba";
      case WEDNESDAY -> "Thứ Tư";
      case THURSDAY -> "Thứ Năm";
      case FRIDAY -> "Thứ Sáu";
      case SATURDAY -> "Thứ Bảy";
      case SUNDAY -> "Chủ nhật";
    };
  }
}
