package vn.bantin.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * The documents of the poll-cycle benchmark's upstream: feed {@code f} of generation {@code g}
 * is an RSS 2.0 document of {@code items} Vietnamese-like news items, the same bytes every time
 * for the same (g, f). Every item of every generation has its own link, guid and title (a number
 * unique to it), so a new generation is entirely new stories to bantin and none is merged with
 * another. Titles of about 80 characters, descriptions of about 400 characters of HTML, like
 * provincial news sites.
 */
final class PollFeeds {
  // The vocabulary of serve.sh's upstream (UpstreamFeeds), so both benchmarks read alike.
  private static final String[] WORDS = UpstreamFeeds.WORDS;
  private static final String[] PLACES = UpstreamFeeds.PLACES;
  private static final String[] BODIES = UpstreamFeeds.BODIES;
  private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME;

  private final int items;
  private final Instant base;

  /** Feeds of {@code items} items; generation g's items are published in the hour before
   * {@code base} + g hours. */
  PollFeeds(int items, Instant base) {
    this.items = items;
    this.base = base;
  }

  /**
   * Feed {@code f} (from 1) of generation {@code g}, UTF-8. Generation 0 has no items: bantin's
   * first poll of it stores nothing, so the benchmark starts without a long first cycle.
   */
  byte[] feed(int g, int f) {
    int items = g == 0 ? 0 : this.items;
    StringBuilder xml = new StringBuilder(items * 1100);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n")
        .append("<title>Báo điện tử ").append(PLACES[f % PLACES.length]).append(" số ").append(f)
        .append("</title>\n<link>https://bao-").append(f).append(".example.vn/</link>\n")
        .append("<description>Tin tức thời sự địa phương</description>\n")
        .append("<language>vi</language>\n");
    Instant newest = base.plusSeconds(3600L * g);
    for (int i = 0; i < items; i++) {
      long n = ((long) g * 100_000 + f) * 100 + i; // unique per (g, f, i) while f, i < 100k, 100
      SplittableRandom random = new SplittableRandom(n * 7919);
      String link = "https://bao-" + f + ".example.vn/thoi-su/tin-" + n + ".html";
      Instant published = newest.minusSeconds(60L * i + f % 60);
      xml.append("<item>\n<title>").append(title(random, n)).append("</title>\n<link>")
          .append(link).append("</link>\n<guid isPermaLink=\"true\">").append(link)
          .append("</guid>\n<pubDate>")
          .append(RFC_822.format(published.atOffset(ZoneOffset.UTC)))
          .append("</pubDate>\n<description><![CDATA[").append(description(random, n, link))
          .append("]]></description>\n</item>\n");
    }
    return xml.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String title(SplittableRandom random, long n) {
    StringBuilder title = new StringBuilder(BODIES[random.nextInt(BODIES.length)]);
    title.append(' ').append(PLACES[random.nextInt(PLACES.length)]);
    while (title.length() < 62) {
      title.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
    }
    return title.append(", đợt ").append(n).toString();
  }

  private static String description(SplittableRandom random, long n, String link) {
    StringBuilder html = new StringBuilder("<p><strong>")
        .append(PLACES[random.nextInt(PLACES.length)]).append("</strong> – ");
    UpstreamFeeds.sentence(html, random, 150);
    html.append(" Tổng kinh phí ").append(100 + n % 900).append(" tỷ đồng.</p><p>");
    UpstreamFeeds.sentence(html, random, 330);
    return html.append(" <a href=\"").append(link).append("\">Xem tiếp</a></p>").toString();
  }
}
