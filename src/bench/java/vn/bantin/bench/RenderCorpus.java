package vn.bantin.bench;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;
import vn.bantin.publish.FeedMeta;
import vn.bantin.publish.Format;

/**
 * One deterministic category feed of Vietnamese stories, as bantin and as Rome see it: titles of
 * about 80 characters, HTML summaries of about 400 with markup and entities to escape, bylines on
 * two stories in three, one to three sources per story, dates newest first.
 */
final class RenderCorpus {

  static final Instant NEWEST = Instant.parse("2026-11-26T02:45:00Z");

  private static final String[] WORDS = {
    "Đảng ủy", "tỉnh ủy", "hội nghị", "triển khai", "nhiệm vụ", "phát triển", "kinh tế",
    "xã hội", "Quốc hội", "Chính phủ", "Thủ tướng", "đồng chí", "tổng kết", "công tác",
    "nông thôn", "đại biểu", "nhân dân", "cán bộ", "đảng viên", "học tập", "biên giới",
    "an ninh", "quốc phòng", "giáo dục", "y tế", "văn hóa", "Mặt trận", "Tổ quốc", "Hà Nội",
    "Lai Châu", "Mường Tè", "Sìn Hồ", "chuyển đổi số", "hạ tầng", "giao thông", "đầu tư",
    "doanh nghiệp", "kiểm tra", "giám sát", "kỷ niệm", "thi đua", "khen thưởng", "chương trình",
    "mục tiêu quốc gia", "giảm nghèo", "bền vững", "đồng bào", "dân tộc thiểu số", "vùng cao",
    "thiên tai", "sạt lở", "khắc phục", "nông nghiệp", "chè Shan", "xuất khẩu", "nghị quyết",
    "cử tri", "kiến nghị", "phòng chống tham nhũng", "cải cách hành chính", "bệnh viện"};
  private static final String[][] SOURCES = {
    {"nhan-dan", "Báo Nhân Dân", "https://nhandan.vn/chinh-tri/"},
    {"vov-chinh-tri", "VOV – Chính trị", "https://vov.vn/chinh-tri/"},
    {"dcs-vn", "Đảng Cộng sản Việt Nam", "https://dangcongsan.vn/thoi-su/"},
    {"bao-lai-chau", "Báo Lai Châu", "https://baolaichau.vn/chinh-tri/"},
    {"qdnd", "Quân đội nhân dân", "https://www.qdnd.vn/chinh-tri/"}};

  final FeedMeta meta = new FeedMeta("thoi-su", "Thời sự", "Tin thời sự trong nước",
      "https://bantin.example.vn", NEWEST);
  final List<Story> stories;

  RenderCorpus(int size) {
    List<Story> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(story(i));
    }
    stories = List.copyOf(list);
  }

  /** The source feed URLs bantin knows: every source's but the last. */
  static String sourceFeedUrl(String sourceId) {
    for (int i = 0; i < SOURCES.length - 1; i++) {
      if (SOURCES[i][0].equals(sourceId)) {
        return SOURCES[i][2] + "rss.xml";
      }
    }
    return null;
  }

  /** The same feed as Rome's model, as an application would fill it from the same stories. */
  SyndFeed syndFeed(String feedType) {
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType(feedType);
    feed.setTitle(meta.title());
    feed.setLink(meta.homeUrl());
    feed.setDescription(meta.description());
    feed.setLanguage("vi");
    feed.setPublishedDate(Date.from(meta.updated()));
    feed.setGenerator("bantin");
    feed.setUri(meta.feedUrl(feedType.startsWith("atom") ? Format.ATOM : Format.RSS));
    List<SyndEntry> entries = new ArrayList<>(stories.size());
    for (Story story : stories) {
      SyndEntry entry = new SyndEntryImpl();
      entry.setUri("urn:bantin:story:" + story.id());
      entry.setTitle(story.title());
      entry.setLink(story.link());
      entry.setPublishedDate(Date.from(story.published()));
      entry.setUpdatedDate(Date.from(story.published()));
      if (story.author() != null) {
        entry.setAuthor(story.author());
      }
      SyndContent summary = new SyndContentImpl();
      summary.setType("text/html");
      summary.setValue(story.summaryHtml());
      entry.setDescription(summary);
      SourceRef first = story.sources().get(0);
      SyndFeed source = new SyndFeedImpl();
      source.setTitle(first.title());
      source.setUri("urn:bantin:source:" + first.id());
      source.setLink(first.url());
      entry.setSource(source);
      entries.add(entry);
    }
    feed.setEntries(entries);
    return feed;
  }

  private static Story story(int i) {
    SplittableRandom random = new SplittableRandom(1_000 + i);
    String title = title(random);
    int first = random.nextInt(SOURCES.length);
    int count = random.nextInt(10) < 6 ? 1 : 2 + random.nextInt(2); // 40% carried by 2-3 sources
    List<SourceRef> sources = new ArrayList<>(count);
    String link = null;
    for (int s = 0; s < count; s++) {
      String[] source = SOURCES[(first + s) % SOURCES.length];
      String url = source[2] + "tin-" + (740_000 + i * 7 + s) + ".html";
      link = link == null ? url : link;
      sources.add(new SourceRef(source[0], source[1], url));
    }
    String author =
        random.nextInt(3) == 0 ? null : "Phóng viên " + WORDS[random.nextInt(WORDS.length)];
    Instant published = NEWEST.minusSeconds(i * 1_800L + random.nextInt(900));
    return new Story("st" + Long.toString(91_000_000L + i * 37L, 36), link, title,
        summary(random), "", author, published, sources);
  }

  /** Words up to about 80 characters, capitalized, with a number as headlines have. */
  private static String title(SplittableRandom random) {
    StringBuilder title = new StringBuilder();
    while (title.length() < 72) {
      title.append(title.length() > 0 ? " " : "").append(WORDS[random.nextInt(WORDS.length)]);
    }
    title.append(" năm ").append(2020 + random.nextInt(7));
    return Character.toUpperCase(title.charAt(0)) + title.substring(1);
  }

  /** About 400 characters of sanitized HTML: paragraphs, a bold lead, a link, entities. */
  private static String summary(SplittableRandom random) {
    StringBuilder html = new StringBuilder(480).append("<p><strong>");
    sentence(html, random, 40);
    html.append("</strong> ");
    sentence(html, random, 150);
    html.append(" &quot;").append(WORDS[random.nextInt(WORDS.length)]).append("&quot; &amp; ")
        .append(random.nextInt(900) + 100).append(" tỷ đồng.</p><p>");
    sentence(html, random, 120);
    html.append(" <a href=\"https://nhandan.vn/tag/").append(random.nextInt(10_000))
        .append("\">Xem thêm</a></p>");
    return html.toString();
  }

  private static void sentence(StringBuilder html, SplittableRandom random, int chars) {
    int start = html.length();
    while (html.length() - start < chars) {
      html.append(html.length() > start ? " " : "").append(WORDS[random.nextInt(WORDS.length)]);
    }
    html.setCharAt(start, Character.toUpperCase(html.charAt(start)));
    html.append('.');
  }
}
