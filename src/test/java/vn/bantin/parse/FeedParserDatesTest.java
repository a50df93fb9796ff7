package vn.bantin.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.input.SAXBuilder;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dates through the whole parse path: taken out of the document and read by {@link FeedDates}, or
 * left for Rome when {@code FeedDates} does not know them, with the precedence the mappers give.
 */
class FeedParserDatesTest {

  private static final String URL = "https://example.vn/feed";
  private static final String DC = "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";
  private final FeedParser parser = new FeedParser(64);

  private static Arguments rss(String name, String itemDates, String expected) {
    return Arguments.of(Named.of(name, "<rss version=\"2.0\" " + DC + "><channel><title>t</title>"
        + "<pubDate>Tue, 03 Jun 2025 09:00:00 +0700</pubDate><item><guid>1</guid>" + itemDates
        + "</item></channel></rss>"), expected == null ? null : Instant.parse(expected));
  }

  static Stream<Arguments> rssDates() {
    return Stream.of(
        rss("pubDate +0700, by hand", "<pubDate>Tue, 03 Jun 2025 08:30:00 +0700</pubDate>",
            "2025-06-03T01:30:00Z"),
        rss("pubDate GMT+7, which Rome alone misses", "<pubDate>Tue, 03 Jun 2025 08:30:00 GMT+7"
            + "</pubDate>", "2025-06-03T01:30:00Z"),
        rss("31 June, left to Rome's lenient masks", "<pubDate>Tue, 31 Jun 2025 08:30:00 GMT"
            + "</pubDate>", "2025-07-01T08:30:00Z"),
        rss("two pubDates: the first counts", "<pubDate>Tue, 03 Jun 2025 08:30:00 +0700</pubDate>"
            + "<pubDate>Wed, 04 Jun 2025 08:30:00 +0700</pubDate>", "2025-06-03T01:30:00Z"),
        rss("pubDate before dc:date", "<dc:date>2025-06-04T08:00:00+07:00</dc:date>"
            + "<pubDate>Tue, 03 Jun 2025 08:30:00 +0700</pubDate>", "2025-06-03T01:30:00Z"),
        rss("dc:date when pubDate is unreadable", "<pubDate>hôm qua</pubDate>"
            + "<dc:date>2025-06-04T08:00:00+07:00</dc:date>", "2025-06-04T01:00:00Z"),
        rss("dc:date alone", "<dc:date>2025-06-04T08:00:00+07:00</dc:date>",
            "2025-06-04T01:00:00Z"),
        rss("no date at all (the channel's is not the item's)", "", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rssDates")
  void readsRssItemDates(String xml, Instant expected) throws Exception {
    ParsedEntry entry = parse(xml);
    assertThat(entry.published()).isEqualTo(expected);
  }

  @Test
  void readsAtomDatesByHandAndLeavesTheUnknownToRome() throws Exception {
    ParsedEntry entry = parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
        + "<updated>2025-06-03T10:00:00Z</updated><entry><id>1</id><title>x</title>"
        + "<published>2025-06-03T08:00:00.250+07:00</published>"
        + "<updated>2025-06</updated></entry></feed>");
    assertThat(entry.published()).isEqualTo(Instant.parse("2025-06-03T01:00:00.250Z"));
    assertThat(entry.updated()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z")); // Rome's
  }

  /** The parser of a thread is reused: bounds that kept counting would refuse the second. */
  @Test
  void aReusedParserCountsItsBoundsFromZeroForEachDocument() throws Exception {
    String xml = "<rss version=\"2.0\"><channel><title>t</title>" + "<x/>".repeat(150_000)
        + "<item><guid>1</guid></item></channel></rss>";
    for (int i = 0; i < 3; i++) {
      assertThat(parse(xml).id()).isEqualTo("1");
    }
  }

  @Test
  void takenDatesGoBackWhenRestored() throws Exception {
    Document doc = new SAXBuilder().build(new StringReader("<rss><channel><item>"
        + "<pubDate>Tue, 03 Jun 2025 08:30:00 +0700</pubDate><pubDate>x</pubDate>"
        + "</item></channel></rss>"));
    Element item = doc.getRootElement().getChild("channel").getChild("item");
    TakenDates dates = TakenDates.takeFrom(doc.getRootElement());
    assertThat(dates.get(item, TakenDates.Field.PUB_DATE))
        .isEqualTo(Instant.parse("2025-06-03T01:30:00Z"));
    assertThat(item.getChildren()).isEmpty(); // the duplicate too: Rome would ignore it
    dates.restore();
    assertThat(item.getChildren()).extracting(Element::getText)
        .containsExactly("Tue, 03 Jun 2025 08:30:00 +0700", "x");
    assertThat(dates.get(item, TakenDates.Field.PUB_DATE)).isNull();
  }

  private ParsedEntry parse(String xml) throws Exception {
    ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, URL);
    assertThat(feed.entries()).hasSize(1);
    return feed.entries().get(0);
  }
}
