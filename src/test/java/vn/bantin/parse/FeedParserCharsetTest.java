package vn.bantin.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.bantin.parse.FeedParserTest.fixture;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import vn.bantin.model.FailureCode;

/** Which charset a body is decoded with: BOM, then the XML declaration, then the header. */
class FeedParserCharsetTest {

  private static final String FETCH_URL = "https://example.vn/rss/feed.xml";
  private final FeedParser parser = new FeedParser(64);

  @Test
  void decodesWindows1258FromThePrologAndNfcGivesTheVietnameseTitle() throws Exception {
    byte[] body = fixture("windows-1258_prolog.xml");
    // Served with a wrong header charset: the document's own declaration wins.
    ParsedFeed feed = parser.parse(body, "text/xml; charset=ISO-8859-1", FETCH_URL);
    String title = feed.entries().get(0).title();
    assertThat(title).as("windows-1258 writes tone marks as combining characters")
        .isNotEqualTo("Việt Nam: Đảng bộ tỉnh Lai Châu tổng kết công tác");
    assertThat(Normalizer.normalize(title, Normalizer.Form.NFC))
        .isEqualTo("Việt Nam: Đảng bộ tỉnh Lai Châu tổng kết công tác");
  }

  @Test
  void usesTheHeaderCharsetWhenThePrologHasNone() throws Exception {
    // Java's windows-1258 encoder does not decompose, so the tone marks are written combining.
    String xml = "<rss version=\"2.0\"><channel><title>\u0110a\u0309ng bô\u0323</title>"
        + "<link>https://a.vn/</link><description>x</description></channel></rss>";
    byte[] body = xml.getBytes(Charset.forName("windows-1258"));
    assertThat(new String(body, StandardCharsets.ISO_8859_1)).doesNotContain("?");
    ParsedFeed feed = parser.parse(body, "application/rss+xml; charset=\"windows-1258\"", FETCH_URL);
    assertThat(Normalizer.normalize(feed.title(), Normalizer.Form.NFC)).isEqualTo("Đảng bộ");
  }

  @Test
  void anUnknownCharsetIsReported() {
    byte[] body = "<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?><rss/>"
        .getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> parser.parse(body, null, FETCH_URL))
        .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.failure().code())
            .isEqualTo(FailureCode.CHARSET_UNSUPPORTED));
  }
}
