package vn.bantin.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bantin.model.FailureCode;

class FeedParserTest {

  private static final String FETCH_URL = "https://example.vn/rss/feed.xml";
  private final FeedParser parser = new FeedParser(64);

  static byte[] fixture(String name) {
    try (InputStream in = FeedParserTest.class.getResourceAsStream("/parse/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Arguments feed(String fixture, String contentType, Consumer<ParsedFeed> check) {
    return Arguments.of(Named.of(fixture, fixture), contentType, check);
  }

  static Stream<Arguments> feeds() {
    return Stream.of(
        feed("rss20_basic.xml", "application/rss+xml", f -> {
          assertThat(f.title()).isEqualTo("VOV – Chính trị");
          assertThat(f.link()).isEqualTo("https://vov.vn/chinh-tri");
          assertThat(f.entries()).hasSize(3);
          ParsedEntry first = f.entries().get(0);
          assertThat(first.id()).isEqualTo("vov-1001");
          assertThat(first.title()).isEqualTo("Tổng Bí thư chủ trì họp Bộ Chính trị");
          assertThat(first.link())
              .isEqualTo("https://vov.vn/chinh-tri/tong-bi-thu-chu-tri-hop-bo-chinh-tri-post1.vov");
          assertThat(first.summaryHtml()).contains("<b>Bộ Chính trị</b>");
          assertThat(first.author()).isEqualTo("bbt@vov.vn (Minh Anh)");
          assertThat(first.published()).isEqualTo(Instant.parse("2025-06-03T01:30:00Z"));
          assertThat(first.baseUrl()).isEqualTo("https://vov.vn/chinh-tri");
          ParsedEntry second = f.entries().get(1);
          assertThat(second.id()).isNull();
          assertThat(second.title()).isEqualTo("Đảng bộ tỉnh Lai Châu sơ kết 6 tháng");
          assertThat(second.link()).isEqualTo("/chinh-tri/dang-bo-tinh-lai-chau-so-ket-post2.vov");
          assertThat(second.summaryHtml()).contains("<a href=\"/lai-chau\">Lai Châu</a>");
          assertThat(second.published()).isEqualTo(Instant.parse("2025-06-02T16:00:00Z"));
          ParsedEntry third = f.entries().get(2);
          assertThat(third.id()).isEqualTo("https://vov.vn/chinh-tri/chi-bo-post3.vov");
          assertThat(third.link()).as("a permalink guid stands in for the link")
              .isEqualTo("https://vov.vn/chinh-tri/chi-bo-post3.vov");
          assertThat(third.published()).isNull();
        }),
        feed("rss20_content_encoded.xml", null, f -> {
          ParsedEntry e = f.entries().get(0);
          assertThat(e.summaryHtml()).isEqualTo("Tóm tắt: Hội nghị bàn về công tác cán bộ.");
          assertThat(e.contentHtml()).startsWith("<p>Toàn văn bài viết về <em>công tác cán bộ</em>")
              .contains("<img src=\"/images/hoi-nghi.jpg\">");
          assertThat(e.author()).isEqualTo("Thu Hà");
          assertThat(e.published()).isEqualTo(Instant.parse("2025-06-01T02:15:00Z"));
          assertThat(e.baseUrl()).isEqualTo("https://nhandan.vn/");
        }),
        feed("rss10_rdf.xml", "application/rdf+xml", f -> {
          assertThat(f.title()).isEqualTo("Đảng Cộng sản Việt Nam");
          ParsedEntry e = f.entries().get(0);
          assertThat(e.id()).isEqualTo("https://dangcongsan.vn/xay-dung-dang/bai-1.html");
          assertThat(e.link()).isEqualTo("https://dangcongsan.vn/xay-dung-dang/bai-1.html");
          assertThat(e.summaryHtml()).isEqualTo("Chi bộ là hạt nhân chính trị ở cơ sở.");
          assertThat(e.contentHtml()).contains("<strong>hạt nhân chính trị</strong>");
          assertThat(e.author()).isEqualTo("Phóng viên");
          assertThat(e.published()).isEqualTo(Instant.parse("2025-05-30T00:00:00Z"));
        }),
        feed("rss091.xml", "text/xml", f -> {
          assertThat(f.title()).isEqualTo("Báo Lai Châu");
          assertThat(f.entries()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Lai Châu phát triển cây chè");
            assertThat(e.link()).isEqualTo("http://baolaichau.vn/kinh-te/lai-chau-phat-trien-cay-che");
            assertThat(e.summaryHtml()).isEqualTo("Diện tích chè toàn tỉnh tăng.");
          });
        }),
        feed("atom10_relative_links.xml", "application/atom+xml", f -> {
          assertThat(f.link()).as("feed link resolved against the feed's xml:base")
              .isEqualTo("https://tinhuy.laichau.gov.vn/");
          ParsedEntry first = f.entries().get(0);
          assertThat(first.baseUrl()).as("entry xml:base resolved against the feed's")
              .isEqualTo("https://tinhuy.laichau.gov.vn/hoat-dong/");
          assertThat(first.link()).isEqualTo("hoi-nghi-ban-thuong-vu.html");
          assertThat(first.summaryHtml()).isEqualTo("<p>Xem <a href=\"chi-tiet.html\">chi tiết</a></p>");
          assertThat(first.published()).isEqualTo(Instant.parse("2025-06-03T01:00:00Z"));
          assertThat(first.updated()).isEqualTo(Instant.parse("2025-06-03T02:00:00Z"));
          assertThat(first.author()).as("inherited from the feed").isEqualTo("Văn phòng Tỉnh ủy");
          ParsedEntry second = f.entries().get(1);
          assertThat(second.baseUrl()).isEqualTo("https://tinhuy.laichau.gov.vn/tin-tuc/");
          assertThat(second.title()).as("type=text is escaped to HTML")
              .isEqualTo("Giá &lt;tăng&gt; &amp; giảm");
          assertThat(second.summaryHtml()).isEqualTo("Văn bản thuần &lt;không phải HTML&gt;");
          assertThat(second.published()).isNull();
        }),
        feed("atom10_xhtml_content.xml", "application/atom+xml", f -> {
          ParsedEntry e = f.entries().get(0);
          assertThat(e.title()).isEqualTo("Học tập <b>Nghị quyết</b>");
          assertThat(e.contentHtml()).doesNotContain("xmlns").doesNotContain("<div")
              .contains("<p>Quán triệt <em>Nghị quyết</em> đến từng chi bộ.<br>Đợt 1 &amp; đợt 2.</p>")
              .contains("<img src=\"anh.jpg\" alt=\"Hội nghị\">");
          assertThat(e.author()).isEqualTo("Ban Tuyên giáo");
        }),
        feed("atom03.xml", null, f -> {
          assertThat(f.title()).isEqualTo("Tạp chí Cộng sản");
          assertThat(f.link()).isEqualTo("https://tapchicongsan.org.vn/");
          ParsedEntry e = f.entries().get(0);
          assertThat(e.id()).isEqualTo("tag:tapchicongsan.org.vn,2025:bai-viet-1");
          assertThat(e.link()).isEqualTo("https://tapchicongsan.org.vn/bai-viet-1");
          assertThat(e.summaryHtml()).isEqualTo("Bài viết về xây dựng Đảng.");
          assertThat(e.contentHtml()).isEqualTo("<p>Nội dung <b>đầy đủ</b></p>");
          assertThat(e.published()).isEqualTo(Instant.parse("2025-05-31T01:00:00Z"));
          assertThat(e.updated()).isEqualTo(Instant.parse("2025-05-31T03:00:00Z"));
        }),
        feed("jsonfeed11.json", "application/feed+json", f -> {
          assertThat(f.title()).isEqualTo("Cổng thông tin Chính phủ");
          assertThat(f.link()).isEqualTo("https://baochinhphu.vn/");
          ParsedEntry first = f.entries().get(0);
          assertThat(first.id()).isEqualTo("bcp-2025-0601");
          assertThat(first.link()).isEqualTo("/thu-tuong-chu-tri-hoi-nghi.htm");
          assertThat(first.baseUrl()).isEqualTo("https://baochinhphu.vn/");
          assertThat(first.title()).isEqualTo("Thủ tướng chủ trì hội nghị &lt;trực tuyến&gt;");
          assertThat(first.summaryHtml()).isEqualTo("Tóm tắt &amp; điểm chính");
          assertThat(first.contentHtml()).isEqualTo("<p>Thủ tướng <b>chủ trì</b> hội nghị.</p>");
          assertThat(first.author()).isEqualTo("Ngọc Lan");
          assertThat(first.published()).isEqualTo(Instant.parse("2025-06-01T01:00:00Z"));
          assertThat(first.updated()).isEqualTo(Instant.parse("2025-06-01T02:30:00Z"));
          ParsedEntry second = f.entries().get(1);
          assertThat(second.id()).isEqualTo("42");
          assertThat(second.link()).as("external_url only when url is missing")
              .isEqualTo("https://example.vn/bai-goc");
          assertThat(second.contentHtml()).isEqualTo("Văn bản thuần: 1 &lt; 2");
          assertThat(second.published()).isNull();
        }),
        feed("jsonfeed10.json", "application/json", f -> {
          ParsedEntry e = f.entries().get(0);
          assertThat(e.link()).isEqualTo("http://baolaichau.vn/bai-1");
          assertThat(e.author()).isEqualTo("Quỳnh Chi");
          assertThat(e.contentHtml()).isEqualTo("Du lịch cộng đồng ở Sìn Hồ.");
          assertThat(e.published()).isEqualTo(Instant.parse("2025-05-20T07:00:00Z"));
        }),
        feed("utf16_bom.xml", "application/xml; charset=iso-8859-1", f -> {
          assertThat(f.title()).isEqualTo("Tin UTF-16");
          assertThat(f.entries().get(0).title()).isEqualTo("Quốc hội thông qua luật");
        }),
        feed("html_entities.xml", "application/rss+xml", f -> {
          assertThat(f.title()).isEqualTo("Tin\u00a0tức & Sự kiện");
          ParsedEntry e = f.entries().get(0);
          assertThat(e.title())
              .isEqualTo("Hội\u00a0nghị “Diên Hồng” – Café Đảng … AT&T");
          assertThat(e.link()).isEqualTo("https://vov.vn/hoi-nghi?a=1&b=2");
          assertThat(e.summaryHtml()).isEqualTo("<p>Giữ nguyên trong CDATA: &nbsp; &amp;</p>");
        }),
        feed("invalid_xml_chars.xml", "application/rss+xml", f -> {
          assertThat(f.title()).isEqualTo("Ký tự điều khiển");
          assertThat(f.entries().get(0).title()).isEqualTo("Tiêu đề sạch");
        }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void parsesFixture(String fixture, String contentType, Consumer<ParsedFeed> check)
      throws FeedParseException {
    check.accept(parser.parse(fixture(fixture), contentType, FETCH_URL));
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(Named.of("xxe_external_entity.xml", "xxe_external_entity.xml"),
            FailureCode.DOCTYPE_FORBIDDEN),
        Arguments.of(Named.of("billion_laughs.xml", "billion_laughs.xml"),
            FailureCode.DOCTYPE_FORBIDDEN),
        Arguments.of(Named.of("html_page.html", "html_page.html"), FailureCode.NOT_A_FEED),
        Arguments.of(Named.of("not_a_feed.xml", "not_a_feed.xml"), FailureCode.NOT_A_FEED),
        Arguments.of(Named.of("truncated.xml", "truncated.xml"), FailureCode.XML_MALFORMED));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("failures")
  void rejectsFixture(String fixture, FailureCode expected) {
    assertThatThrownBy(() -> parser.parse(fixture(fixture), "application/xml", FETCH_URL))
        .isInstanceOfSatisfying(FeedParseException.class,
            e -> assertThat(e.failure().code()).isEqualTo(expected));
  }

  @Test
  void reportsTheLineAndColumnOfMalformedXml() {
    assertThatThrownBy(() -> parser.parse(fixture("truncated.xml"), null, FETCH_URL))
        .isInstanceOfSatisfying(FeedParseException.class,
            e -> assertThat(e.failure().message()).matches("line \\d+:\\d+: .+"));
  }
}
