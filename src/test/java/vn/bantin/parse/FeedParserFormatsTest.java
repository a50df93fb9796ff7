package vn.bantin.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bantin.model.FailureCode;

/** The RSS versions without a fixture file, format sniffing, and the small failure cases. */
class FeedParserFormatsTest {

  private static final String FETCH_URL = "https://example.vn/rss/tin.rss";
  private final FeedParser parser = new FeedParser(64);

  private static final String RSS_09X = """
      <rss version="%s"><channel><title>Kênh</title><link>https://kenh.vn/</link>
      <description>d</description>
      <item><title>Tin một</title><link>https://kenh.vn/1</link><description>Mô tả</description>
      </item></channel></rss>""";

  static Stream<Arguments> rssVersions() {
    return Stream.of("0.91", "0.92", "0.93", "0.94", "2.0").map(v ->
        Arguments.of(Named.of("rss " + v, RSS_09X.formatted(v))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rssVersions")
  void readsEveryRssVersion(String xml) throws Exception {
    ParsedFeed feed = parse(xml, null);
    assertThat(feed.title()).isEqualTo("Kênh");
    assertThat(feed.entries()).singleElement().satisfies(e -> {
      assertThat(e.title()).isEqualTo("Tin một");
      assertThat(e.link()).isEqualTo("https://kenh.vn/1");
      assertThat(e.summaryHtml()).isEqualTo("Mô tả");
    });
  }

  @Test
  void readsRss090() throws Exception {
    ParsedFeed feed = parse("""
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                 xmlns="http://my.netscape.com/rdf/simple/0.9/">
          <channel><title>Kênh 0.90</title><link>https://kenh.vn/</link>
            <description>d</description></channel>
          <item><title>Tin cũ</title><link>https://kenh.vn/cu</link></item>
        </rdf:RDF>""", null);
    assertThat(feed.title()).isEqualTo("Kênh 0.90");
    assertThat(feed.entries()).singleElement()
        .satisfies(e -> assertThat(e.link()).isEqualTo("https://kenh.vn/cu"));
  }

  @Test
  void anRssRootWithoutVersionIsReadAsRss20() throws Exception {
    ParsedFeed feed = parse("""
        <rss><channel><title>Không phiên bản</title><link>https://kenh.vn/</link>
        <item><title>Tin</title><pubDate>Wed, 04 Jun 2025 10:00:00 +0700</pubDate></item>
        </channel></rss>""", null);
    assertThat(feed.entries().get(0).published()).isEqualTo(Instant.parse("2025-06-04T03:00:00Z"));
  }

  @Test
  void unescapedMarkupInAnRssDescriptionIsKept() throws Exception {
    ParsedFeed feed = parse("""
        <rss version="2.0"><channel><title>t</title><link>https://kenh.vn/</link>
        <item><title>Tin</title><description><p>Đoạn <a href="/x">một</a></p></description>
        </item></channel></rss>""", null);
    assertThat(feed.entries().get(0).summaryHtml()).isEqualTo("<p>Đoạn <a href=\"/x\">một</a></p>");
  }

  @Test
  void theFetchUrlIsTheBaseWhenTheFeedHasNoUsableLink() throws Exception {
    ParsedFeed feed = parse("""
        <rss version="2.0"><channel><title>t</title><link>javascript:void(0)</link>
        <item><title>Tin</title><link>bai-1.html</link></item></channel></rss>""", null);
    assertThat(feed.link()).isNull();
    assertThat(feed.entries().get(0).baseUrl()).isEqualTo(FETCH_URL);
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(Named.of("empty body", ""), null, FailureCode.XML_MALFORMED),
        Arguments.of(Named.of("only whitespace", " \n\t "), null, FailureCode.XML_MALFORMED),
        Arguments.of(Named.of("bad JSON", "{\"version\": "), null, FailureCode.JSON_MALFORMED),
        Arguments.of(Named.of("JSON served as json but not an object", "[1, 2]"),
            "application/json", FailureCode.NOT_A_FEED),
        Arguments.of(Named.of("JSON without a JSON Feed version", "{\"title\": \"x\", \"items\": []}"),
            null, FailureCode.NOT_A_FEED),
        Arguments.of(Named.of("JSON with another version", "{\"version\": \"2\"}"), null,
            FailureCode.NOT_A_FEED),
        Arguments.of(Named.of("malformed HTML served as text/html", "<p>Trang <b>web</p>"),
            "text/html; charset=utf-8", FailureCode.NOT_A_FEED),
        Arguments.of(Named.of("html root without doctype", "<html><body>x</body></html>"), null,
            FailureCode.NOT_A_FEED),
        Arguments.of(Named.of("RSS 0.91 Netscape DOCTYPE", """
            <?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
              "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>t</title></channel></rss>"""), null,
            FailureCode.DOCTYPE_FORBIDDEN),
        Arguments.of(Named.of("Atom namespace missing", "<feed><title>t</title></feed>"), null,
            FailureCode.NOT_A_FEED));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("failures")
  void rejects(String body, String contentType, FailureCode expected) {
    assertThatThrownBy(() -> parse(body, contentType))
        .isInstanceOfSatisfying(FeedParseException.class,
            e -> assertThat(e.failure().code()).isEqualTo(expected));
  }

  @Test
  void anEmptyBodySaysSo() {
    assertThatThrownBy(() -> parse("", null)).isInstanceOfSatisfying(FeedParseException.class,
        e -> assertThat(e.failure().message()).isEqualTo("empty body"));
  }

  private ParsedFeed parse(String body, String contentType) throws FeedParseException {
    return parser.parse(body.getBytes(StandardCharsets.UTF_8), contentType, FETCH_URL);
  }
}
