package vn.bantin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/** Large RSS feeds written on the fly, the same bytes for the same arguments. */
final class GeneratedFeeds {
  private static final String[] WORDS = ("Đảng ủy tỉnh huyện xã chi bộ hội nghị triển khai "
      + "nhiệm vụ công tác cán bộ đảng viên nông thôn mới kinh tế văn hóa giáo dục y tế biên "
      + "giới quốc phòng an ninh giao thông cầu đường thủy lợi rừng chè lúa ngô du lịch bản "
      + "làng đồng bào dân tộc thanh niên phụ nữ cựu chiến binh mặt trận đoàn kết khen thưởng "
      + "sơ kết tổng kết kiểm tra giám sát học tập làm theo tư tưởng đạo đức phong cách")
      .split(" ");
  private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME;

  private GeneratedFeeds() {}

  /**
   * {@code count} distinct stories of source {@code source}, newest first, a minute apart from
   * {@code newest}. Titles and summaries are random word runs seeded by the source, each with
   * its own number, so no two items anywhere are the same story.
   */
  static byte[] distinctStories(String source, int count, Instant newest) {
    Random random = new Random(source.hashCode());
    StringBuilder xml = header(source);
    for (int i = 0; i < count; i++) {
      String link = "https://tin.example.vn/" + source + "/bai-" + i + ".html";
      xml.append("<item><title>").append(words(random, 8)).append(" số ").append(i)
          .append(" (").append(source).append(")</title><link>").append(link)
          .append("</link><guid>").append(link).append("</guid><description>")
          .append(words(random, 24)).append("</description><pubDate>")
          .append(RFC_822.format(newest.minus(Duration.ofMinutes(i)).atOffset(ZoneOffset.UTC)))
          .append("</pubDate></item>\n");
    }
    return footer(xml);
  }

  /**
   * {@code count} small items, oldest first in the document, a minute apart and ending at
   * {@code newest}: the newest are the last ones.
   */
  static byte[] oldestFirst(int count, Instant newest) {
    StringBuilder xml = header("nhieu");
    Instant oldest = newest.minus(Duration.ofMinutes(count - 1L));
    for (int i = 0; i < count; i++) {
      xml.append("<item><guid>tin-").append(i).append("</guid><title>Tin ").append(i)
          .append("</title><pubDate>")
          .append(RFC_822.format(oldest.plus(Duration.ofMinutes(i)).atOffset(ZoneOffset.UTC)))
          .append("</pubDate></item>\n");
    }
    return footer(xml);
  }

  /**
   * One item whose title, description and content:encoded are about {@code titleChars},
   * {@code summaryChars} and {@code contentChars} long.
   */
  static byte[] oversized(int titleChars, int summaryChars, int contentChars) {
    StringBuilder xml = header("dai");
    xml.append("<item><title>").append(repeat("Tiêu đề rất dài ", titleChars))
        .append("</title><guid>bai-dai</guid><description><![CDATA[")
        .append(repeat("<p>Đoạn tóm tắt <b>rất</b> dài.</p>", summaryChars))
        .append("]]></description><content:encoded><![CDATA[")
        .append(repeat("<p>Đoạn nội dung <i>rất</i> dài, lặp lại.</p>", contentChars))
        .append("]]></content:encoded></item>\n");
    return footer(xml);
  }

  private static String repeat(String unit, int chars) {
    return unit.repeat(Math.max(1, chars / unit.length()));
  }

  private static StringBuilder header(String source) {
    return new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
        + "<channel><title>Nguồn " + source + "</title><link>https://tin.example.vn/" + source
        + "/</link><description>Tin tổng hợp</description>\n");
  }

  private static byte[] footer(StringBuilder xml) {
    return xml.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String words(Random random, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return s.toString();
  }
}
