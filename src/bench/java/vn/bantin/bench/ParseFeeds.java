package vn.bantin.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The two documents of {@link ParseBenchmark}: a 100-entry RSS 2.0 feed and a 100-entry Atom 1.0
 * feed like those of Vietnamese news sites (titles of about 80 characters, summaries of about 400
 * characters of escaped HTML, full content of about 2 kB, guid or id, author, dates), the same
 * bytes every time for a given seed.
 *
 * <p>RSS items have {@code title}, {@code link}, {@code description} (escaped HTML),
 * {@code content:encoded} (CDATA HTML), {@code guid}, {@code dc:creator}, {@code category} and
 * an RFC 822 {@code pubDate} in {@code +0700} or {@code GMT}; Atom entries have {@code title},
 * an alternate {@code link}, {@code id}, {@code author}, {@code published} and
 * {@code updated} in RFC 3339 (offsets {@code +07:00} and {@code Z}, some with fractions),
 * {@code summary type="html"} and {@code content type="html"}.
 */
final class ParseFeeds {

  static final int ENTRIES = 100;

  private static final String[] WORDS = {
    "hội nghị", "triển khai", "nhiệm vụ", "phát triển", "kinh tế", "xã hội", "công tác",
    "tổng kết", "sơ kết", "đại biểu", "nhân dân", "cán bộ", "đảng viên", "học tập", "tư tưởng",
    "đạo đức", "biên giới", "an ninh", "quốc phòng", "giáo dục", "y tế", "du lịch", "văn hóa",
    "thanh niên", "phụ nữ", "nông thôn mới", "chuyển đổi số", "hạ tầng", "giao thông",
    "đầu tư công", "doanh nghiệp", "hợp tác xã", "kiểm tra", "giám sát", "chỉ đạo", "kỷ niệm",
    "truyền thống", "đoàn kết", "thi đua", "khen thưởng", "chương trình", "giảm nghèo",
    "bền vững", "đồng bào", "dân tộc", "vùng cao", "hỗ trợ", "thiên tai", "mưa lũ", "sạt lở",
    "khắc phục", "sản xuất", "nông nghiệp", "chè Shan tuyết", "ngân sách", "nghị quyết",
    "tiếp xúc cử tri", "phòng chống tham nhũng", "cải cách hành chính", "dịch vụ công"};
  private static final String[] PLACES = {
    "Lai Châu", "Điện Biên", "Sơn La", "Lào Cai", "Hà Giang", "Hà Nội", "Mường Tè",
    "Phong Thổ", "Tam Đường", "Than Uyên", "Sìn Hồ", "Tân Uyên", "Nậm Nhùn", "Sa Pa"};
  private static final String[] AUTHORS = {
    "Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Quang Minh", "Phạm Thu Hà", "Vũ Đức Thắng"};
  private static final Instant NEWEST = Instant.parse("2026-11-26T03:00:00Z");
  private static final DateTimeFormatter RFC_822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);
  private static final DateTimeFormatter RFC_822_GMT =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

  private ParseFeeds() {}

  static byte[] rss(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder out = new StringBuilder(400_000);
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
        .append(" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"")
        .append(" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n")
        .append("  <title>Báo Lai Châu - Thời sự</title>\n")
        .append("  <link>https://baolaichau.vn/thoi-su</link>\n")
        .append("  <description>Tin tức thời sự tỉnh Lai Châu</description>\n")
        .append("  <language>vi</language>\n")
        .append("  <atom:link href=\"https://baolaichau.vn/rss/thoi-su.rss\" rel=\"self\"")
        .append(" type=\"application/rss+xml\"/>\n")
        .append("  <lastBuildDate>").append(RFC_822.format(NEWEST.atZone(ZoneOffset.ofHours(7))))
        .append("</lastBuildDate>\n");
    for (int i = 0; i < ENTRIES; i++) {
      String title = title(random);
      String link = "https://baolaichau.vn/thoi-su/" + slug(i) + ".html";
      Instant when = NEWEST.minusSeconds(i * 1_777L);
      String date = i % 4 == 3 ? RFC_822_GMT.format(when.atZone(ZoneOffset.UTC))
          : RFC_822.format(when.atZone(ZoneOffset.ofHours(7)));
      out.append("  <item>\n")
          .append("    <title>").append(escape(title)).append("</title>\n")
          .append("    <link>").append(link).append("</link>\n")
          .append("    <description>").append(escape(summaryHtml(random, link)))
          .append("</description>\n")
          .append("    <content:encoded><![CDATA[").append(contentHtml(random))
          .append("]]></content:encoded>\n")
          .append("    <guid isPermaLink=\"false\">baolaichau-").append(100_000 + i)
          .append("</guid>\n")
          .append("    <dc:creator>").append(AUTHORS[random.nextInt(AUTHORS.length)])
          .append("</dc:creator>\n")
          .append("    <category>Thời sự</category>\n")
          .append("    <pubDate>").append(date).append("</pubDate>\n")
          .append("  </item>\n");
    }
    return out.append("</channel>\n</rss>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] atom(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder out = new StringBuilder(400_000);
    out.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n")
        .append("  <title>Báo Nhân Dân - Chính trị</title>\n")
        .append("  <link rel=\"alternate\" type=\"text/html\" href=\"https://nhandan.vn/chinhtri/\"/>\n")
        .append("  <link rel=\"self\" href=\"https://nhandan.vn/rss/chinhtri.atom\"/>\n")
        .append("  <id>tag:nhandan.vn,2026:chinhtri</id>\n")
        .append("  <updated>").append(rfc3339(NEWEST, 0)).append("</updated>\n");
    for (int i = 0; i < ENTRIES; i++) {
      String link = "https://nhandan.vn/chinhtri/" + slug(i) + ".html";
      Instant when = NEWEST.minusSeconds(i * 1_777L);
      out.append("  <entry>\n")
          .append("    <title type=\"html\">").append(escape(title(random))).append("</title>\n")
          .append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(link)
          .append("\"/>\n")
          .append("    <id>tag:nhandan.vn,2026:").append(200_000 + i).append("</id>\n")
          .append("    <author><name>").append(AUTHORS[random.nextInt(AUTHORS.length)])
          .append("</name></author>\n")
          .append("    <published>").append(rfc3339(when, i)).append("</published>\n")
          .append("    <updated>").append(rfc3339(when.plusSeconds(600), i + 1))
          .append("</updated>\n")
          .append("    <summary type=\"html\">").append(escape(summaryHtml(random, link)))
          .append("</summary>\n")
          .append("    <content type=\"html\">").append(escape(contentHtml(random)))
          .append("</content>\n")
          .append("  </entry>\n");
    }
    return out.append("</feed>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** RFC 3339 in one of three spellings: {@code +07:00}, {@code Z}, {@code .123+07:00}. */
  private static String rfc3339(Instant when, int variant) {
    return switch (variant % 3) {
      case 0 -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
          when.atOffset(ZoneOffset.ofHours(7)));
      case 1 -> DateTimeFormatter.ISO_INSTANT.format(when);
      default -> DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
          .format(when.plusMillis(123).atOffset(ZoneOffset.ofHours(7)));
    };
  }

  private static String title(SplittableRandom random) {
    StringBuilder t = new StringBuilder();
    t.append(capitalize(word(random))).append(' ').append(word(random)).append(" tại ")
        .append(PLACES[random.nextInt(PLACES.length)]);
    while (t.length() < 75) {
      t.append(' ').append(word(random));
    }
    return t.append(" năm ").append(2020 + random.nextInt(7)).toString();
  }

  private static String summaryHtml(SplittableRandom random, String link) {
    return "<p><a href=\"" + link + "\"><img src=\"https://baolaichau.vn/anh/"
        + random.nextInt(1_000_000) + ".jpg\" width=\"180\" alt=\"ảnh\"></a></p><p>"
        + sentence(random, 320) + " &amp; " + PLACES[random.nextInt(PLACES.length)] + ".</p>";
  }

  private static String contentHtml(SplittableRandom random) {
    StringBuilder c = new StringBuilder();
    for (int p = 0; p < 5; p++) {
      c.append("<p>").append(sentence(random, 300)).append(".</p>\n");
      if (p == 1) {
        c.append("<figure><img src=\"https://baolaichau.vn/anh/").append(random.nextInt(99_999))
            .append(".jpg\" alt=\"\"><figcaption><em>").append(sentence(random, 60))
            .append("</em></figcaption></figure>\n");
      }
    }
    return c.toString();
  }

  private static String sentence(SplittableRandom random, int length) {
    StringBuilder s = new StringBuilder(capitalize(word(random)));
    while (s.length() < length) {
      s.append(random.nextInt(9) == 0 ? ", " : " ").append(word(random));
    }
    return s.toString();
  }

  private static String word(SplittableRandom random) {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private static String capitalize(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private static String slug(int i) {
    return "tin-thoi-su-so-" + (500_000 + i);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
