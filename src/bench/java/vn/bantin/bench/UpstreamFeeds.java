package vn.bantin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes the upstream of the serving benchmark ({@code bench/serve.sh}): {@code feed-1.xml ..
 * feed-F.xml}, RSS 2.0 documents of distinct Vietnamese-like news items the size of real ones
 * (titles of about 80 characters, descriptions of about 400 characters of HTML), published over
 * the last hours before now. Items differ in words, numbers and places, so bantin stores each as
 * its own story and a 100-entry category feed can be filled.
 *
 * <p>{@code java vn.bantin.bench.UpstreamFeeds DIR FEEDS ITEMS_PER_FEED}
 */
final class UpstreamFeeds {
  static final String[] WORDS = {
    "hội nghị", "triển khai", "nhiệm vụ", "phát triển", "kinh tế", "xã hội", "công tác",
    "tổng kết", "sơ kết", "đại biểu", "nhân dân", "cán bộ", "đảng viên", "học tập", "tư tưởng",
    "đạo đức", "phong cách", "biên giới", "an ninh", "quốc phòng", "giáo dục", "y tế", "du lịch",
    "văn hóa", "thể thao", "thanh niên", "phụ nữ", "nông thôn mới", "chuyển đổi số", "hạ tầng",
    "giao thông", "đầu tư công", "doanh nghiệp", "hợp tác xã", "kiểm tra", "giám sát",
    "chỉ đạo", "kỷ niệm", "truyền thống", "đoàn kết", "thi đua", "khen thưởng", "huân chương",
    "chương trình", "mục tiêu quốc gia", "giảm nghèo", "bền vững", "đồng bào", "dân tộc",
    "vùng cao", "nhà ở", "hỗ trợ", "thiên tai", "mưa lũ", "sạt lở", "khắc phục", "sản xuất",
    "nông nghiệp", "cây trồng", "vật nuôi", "chè Shan tuyết", "dược liệu", "thị trường",
    "xuất khẩu", "ngân sách", "kế hoạch", "đề án", "nghị quyết", "chỉ thị", "kết luận",
    "tiếp xúc cử tri", "kiến nghị", "khiếu nại", "phòng chống tham nhũng", "lãng phí",
    "cải cách hành chính", "dịch vụ công", "trường học", "học sinh", "bệnh viện", "tiêm chủng",
    "rừng phòng hộ", "thủy điện", "cửa khẩu", "biên phòng", "hợp tác quốc tế", "lễ hội",
    "di sản", "thương mại", "khoa học", "công nghệ", "đổi mới sáng tạo", "an sinh"};
  static final String[] PLACES = {
    "Lai Châu", "Điện Biên", "Sơn La", "Lào Cai", "Hà Giang", "Yên Bái", "Hòa Bình", "Hà Nội",
    "Mường Tè", "Phong Thổ", "Tam Đường", "Than Uyên", "Sìn Hồ", "Tân Uyên", "Nậm Nhùn",
    "Mường Nhé", "Tuần Giáo", "Bát Xát", "Sa Pa", "Mộc Châu"};
  private static final String[] OPENERS = {
    "Sáng nay", "Chiều qua", "Ngày hôm nay", "Trong tuần này", "Tối qua", "Sáng qua"};
  static final String[] BODIES = {
    "Tỉnh ủy", "Ủy ban nhân dân tỉnh", "Ban Thường vụ Tỉnh ủy", "Hội đồng nhân dân tỉnh",
    "Ủy ban Mặt trận Tổ quốc", "Sở Giáo dục và Đào tạo", "Bộ Chỉ huy Bộ đội Biên phòng"};
  private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME;

  private UpstreamFeeds() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int feeds = Integer.parseInt(args[1]);
    int items = Integer.parseInt(args[2]);
    Files.createDirectories(dir);
    Instant now = Instant.now();
    for (int f = 1; f <= feeds; f++) {
      Files.writeString(dir.resolve("feed-" + f + ".xml"), feed(f, feeds, items, now),
          StandardCharsets.UTF_8);
    }
    System.out.println("wrote " + feeds + " feeds of " + items + " items to " + dir);
  }

  private static String feed(int f, int feeds, int items, Instant now) {
    StringBuilder xml = new StringBuilder(items * 900);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n")
        .append("<title>Báo điện tử Tỉnh ").append(PLACES[f % PLACES.length])
        .append("</title>\n<link>https://bao-").append(f).append(".example.vn/</link>\n")
        .append("<description>Tin tức thời sự địa phương</description>\n<language>vi</language>\n");
    for (int i = 0; i < items; i++) {
      // One seed per item across all feeds, so no two items anywhere share their words.
      long n = (long) f * 10_000 + i;
      SplittableRandom random = new SplittableRandom(n * 7919);
      String title = title(random, n);
      String link = "https://bao-" + f + ".example.vn/thoi-su/tin-" + n + ".html";
      // Minutes apart, newest first, interleaved across feeds, all within the last few hours.
      Instant published = now.minusSeconds(60L * (i * feeds + f));
      xml.append("<item>\n<title>").append(title).append("</title>\n<link>").append(link)
          .append("</link>\n<guid isPermaLink=\"true\">").append(link).append("</guid>\n")
          .append("<pubDate>").append(RFC_822.format(published.atOffset(ZoneOffset.UTC)))
          .append("</pubDate>\n<description><![CDATA[").append(description(random, n, link))
          .append("]]></description>\n</item>\n");
    }
    return xml.append("</channel></rss>\n").toString();
  }

  /** About 80 characters: words, a place and a number unique to the item. */
  private static String title(SplittableRandom random, long n) {
    StringBuilder title = new StringBuilder(BODIES[random.nextInt(BODIES.length)]);
    title.append(' ').append(PLACES[random.nextInt(PLACES.length)]);
    while (title.length() < 62) {
      title.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
    }
    return title.append(" năm 2026, đợt ").append(n).toString();
  }

  /** About 400 characters of HTML: two paragraphs, an emphasis and a link. */
  private static String description(SplittableRandom random, long n, String link) {
    StringBuilder html = new StringBuilder("<p><strong>")
        .append(OPENERS[random.nextInt(OPENERS.length)]).append(", ")
        .append(PLACES[random.nextInt(PLACES.length)]).append("</strong> – ");
    sentence(html, random, 150);
    html.append(" Tổng kinh phí ").append(100 + n % 900).append(" tỷ đồng.</p><p>");
    sentence(html, random, 330);
    return html.append(" <a href=\"").append(link).append("\">Xem tiếp</a></p>").toString();
  }

  /** Appends {@link #WORDS}, the first capitalized, until {@code html} is {@code until} long. */
  static void sentence(StringBuilder html, SplittableRandom random, int until) {
    boolean first = true;
    while (html.length() < until) {
      String word = WORDS[random.nextInt(WORDS.length)];
      html.append(first ? "" : " ")
          .append(first ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
      first = false;
    }
    html.append('.');
  }
}
