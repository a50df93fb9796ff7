package vn.bantin.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bantin.model.FailureCode;

/**
 * A body within the byte caps can still hold a million items or a million empty elements: the
 * parser keeps the first and last 2,500 items, holds at most 250,000 nodes, and so costs bounded
 * memory and time (before these bounds, 600,000 tiny items took a 256 MB heap to
 * OutOfMemoryError and a minute of Rome's date parsing).
 */
class FeedParserSizeTest {

  private static final String URL = "https://example.vn/feed";
  private final FeedParser parser = new FeedParser(64);

  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of("RSS 2.0", (IntFunction<byte[]>) n -> rss(n, "ngày không đọc được")),
        Arguments.of("Atom 1.0", (IntFunction<byte[]>) FeedParserSizeTest::atom),
        Arguments.of("RSS 1.0", (IntFunction<byte[]>) FeedParserSizeTest::rdf),
        Arguments.of("JSON Feed 1.1", (IntFunction<byte[]>) FeedParserSizeTest::json));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void aHugeFeedKeepsItsFirstAndLastItemsInOrder(String name, IntFunction<byte[]> feed) {
    byte[] body = feed.apply(600_000);
    ParsedFeed parsed = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> parser.parse(body, null, URL));
    List<String> ids = parsed.entries().stream().map(ParsedEntry::id).toList();
    List<String> expected = Stream.concat(IntStream.range(0, 2_500).boxed(),
        IntStream.range(597_500, 600_000).boxed()).map(i -> "tin-" + i).toList();
    assertThat(ids).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void aFeedAtTheBoundKeepsEveryItem(String name, IntFunction<byte[]> feed) throws Exception {
    assertThat(parser.parse(feed.apply(5_000), null, URL).entries()).hasSize(5_000);
    List<ParsedEntry> oneOver = parser.parse(feed.apply(5_001), null, URL).entries();
    assertThat(oneOver).hasSize(5_000);
    assertThat(oneOver.get(2_499).id()).isEqualTo("tin-2499");
    assertThat(oneOver.get(2_500).id()).isEqualTo("tin-2501");
  }

  @Test
  void aMillionEmptyElementsBesideTheItemsAreTooLarge() {
    String junk = "<x/>".repeat(1_000_000);
    byte[] body = ("<rss version=\"2.0\"><channel><title>t</title>" + junk
        + "<item><guid>1</guid></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> parser.parse(body, null, URL))
        .isInstanceOfSatisfying(FeedParseException.class, e ->
            assertThat(e.failure().code()).isEqualTo(FailureCode.BODY_TOO_LARGE));
  }

  @Test
  void jsonMembersBantinDoesNotReadAreSkippedUnread() throws Exception {
    byte[] body = ("{\"version\":\"https://jsonfeed.org/version/1.1\",\"junk\":["
        + "0,".repeat(1_000_000) + "0],\"items\":[{\"id\":\"a\",\"_x\":{\"y\":["
        + "1,".repeat(500_000) + "1]},\"title\":\"Tin\",\"authors\":[{\"url\":\"u\"},"
        + "{\"name\":\"Minh Anh\"}]}],\"title\":\"Nguồn\"}").getBytes(StandardCharsets.UTF_8);
    ParsedFeed feed = parser.parse(body, null, URL);
    assertThat(feed.title()).isEqualTo("Nguồn");
    assertThat(feed.entries()).singleElement().satisfies(e -> {
      assertThat(e.id()).isEqualTo("a");
      assertThat(e.title()).isEqualTo("Tin");
      assertThat(e.author()).isEqualTo("Minh Anh");
    });
  }

  private static byte[] rss(int n, String date) {
    StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>t</title>");
    for (int i = 0; i < n; i++) {
      xml.append("\n<item><guid>tin-").append(i).append("</guid><pubDate>").append(date)
          .append("</pubDate></item>");
    }
    return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] atom(int n) {
    StringBuilder xml = new StringBuilder("<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        + "<title>t</title><id>urn:f</id>");
    for (int i = 0; i < n; i++) {
      xml.append("\n<entry><id>tin-").append(i).append("</id><title>t</title></entry>");
    }
    return xml.append("</feed>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] rdf(int n) {
    StringBuilder xml = new StringBuilder("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/"
        + "22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><channel rdf:about=\"u\">"
        + "<title>t</title><link>https://example.vn/</link><description>d</description>"
        + "</channel>");
    for (int i = 0; i < n; i++) {
      xml.append("\n<item rdf:about=\"tin-").append(i).append("\"><title>t</title><link>"
          + "https://example.vn/").append(i).append("</link></item>");
    }
    return xml.append("</rdf:RDF>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] json(int n) {
    StringBuilder json = new StringBuilder("{\"version\":\"https://jsonfeed.org/version/1.1\","
        + "\"title\":\"t\",\"items\":[");
    for (int i = 0; i < n; i++) {
      json.append(i == 0 ? "" : ",").append("\n{\"id\":\"tin-").append(i).append("\"}");
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }
}
