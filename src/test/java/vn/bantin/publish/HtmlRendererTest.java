package vn.bantin.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.publish.StoryFixtures.META;
import static vn.bantin.publish.StoryFixtures.STORIES;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;

class HtmlRendererTest {

  private static final String FEEDS = "https://bantin.example.vn/feeds/xay-dung-dang.";

  private final String page = render(META, STORIES);
  private final Document doc = parse(page);

  @Test
  void pageIsAStandaloneVietnameseDocumentThatOpensLinksOutsideTheFrame() {
    assertThat(page).startsWith("<!doctype html>\n<html lang=\"vi\">");
    assertThat(doc.select("head > meta[charset]").attr("charset")).isEqualTo("utf-8");
    assertThat(doc.select("head > meta[name=viewport]").attr("content"))
        .isEqualTo("width=device-width, initial-scale=1");
    assertThat(doc.title()).isEqualTo("Xây dựng Đảng");
    assertThat(doc.select("head > base").attr("target")).isEqualTo("_blank");
    assertThat(doc.select("head > base").hasAttr("href")).as("base-uri 'none' allows no href")
        .isFalse();
    assertThat(doc.select("header > h1").text()).isEqualTo("Xây dựng Đảng");
    assertThat(doc.select("header > p").first().text()).isEqualTo("Tin công tác xây dựng Đảng");
    assertThat(doc.select("header a").eachAttr("href"))
        .containsExactly(FEEDS + "rss", FEEDS + "atom", FEEDS + "json");
    assertThat(doc.select("a")).isNotEmpty().allSatisfy(a ->
        assertThat(a.attr("rel")).as(a.outerHtml()).isEqualTo("noopener noreferrer"));
  }

  @Test
  void everyStoryIsOneListItemInOrderWithTitleSourceDateAndExcerpt() {
    List<Element> items = doc.select("body > ol > li");
    assertThat(items).hasSize(STORIES.size());
    Element merged = items.get(0);
    assertThat(merged.select("h2 > a").attr("href")).isEqualTo(StoryFixtures.MERGED.link());
    assertThat(merged.select("h2").text()).isEqualTo("Đảng ủy Khối triển khai nhiệm vụ năm 2025");
    assertThat(merged.select("p.meta").text())
        .isEqualTo("VOV – Chính trị · Thứ Tư, 05/03/2025 15:30");
    assertThat(merged.select("p.meta > time").attr("datetime")).isEqualTo("2025-03-05T08:30:00Z");
    assertThat(merged.select("p.excerpt").text())
        .isEqualTo("Hội nghị triển khai nhiệm vụ công tác xây dựng Đảng năm 2025.");
    Element noLink = items.get(2);
    assertThat(noLink.select("h2").text()).isEqualTo("Báo Lai Châu: Hội nghị chi bộ tháng 3");
    assertThat(noLink.select("h2 a")).as("a story without a link has a plain title").isEmpty();
    assertThat(noLink.select("p.also")).as("one source: nobody else reported it").isEmpty();
    assertThat(items.get(3).select("p.excerpt").text()).as("no summary: the content stands in")
        .isEqualTo("Toàn văn bài viết về học tập Nghị quyết.");
  }

  @Test
  void aStoryWithThreeSourcesLinksTheTwoOthersAsAlsoReportedBy() {
    Element also = doc.select("body > ol > li").get(0).selectFirst("p.also");
    assertThat(also).isNotNull();
    assertThat(also.text())
        .isEqualTo("Cũng đưa tin: Nhân Dân, Đảng Cộng sản Việt Nam");
    assertThat(also.select("a").eachAttr("href")).containsExactly(
        "https://nhandan.vn/dang-uy-khoi-trien-khai-nhiem-vu-post2.html",
        "https://dangcongsan.vn/xay-dung-dang/trien-khai-nhiem-vu-3.html");
  }

  @Test
  void markupInEveryTextIsEscapedNeverInterpreted() {
    String title = "<script>alert(1)</script> \"Đường\" & 'cầu' <b>đậm</b>";
    String source = "Báo \"X\" <i>&</i>";
    Story story = new Story("s-1", "https://vov.vn/a", title,
        "<p>Vốn 5 &lt; 7 &lt;script&gt;alert(2)&lt;/script&gt;</p>", "", null, StoryFixtures.UPDATED,
        List.of(new SourceRef("a", source, "https://vov.vn/a"),
            new SourceRef("b", "<img src=x onerror=alert(3)>", "https://nhandan.vn/b")));
    FeedMeta meta = new FeedMeta("x", "Tin <b>\"mới\"</b>", "Mô tả <script>x</script>",
        "https://bantin.example.vn", StoryFixtures.UPDATED);
    String html = render(meta, List.of(story));
    Document parsed = parse(html);

    assertThat(parsed.title()).isEqualTo("Tin <b>\"mới\"</b>");
    assertThat(parsed.select("h2").text()).isEqualTo(title);
    assertThat(parsed.select("p.meta > span").text()).isEqualTo(source);
    assertThat(parsed.select("p.excerpt").text()).isEqualTo("Vốn 5 < 7 <script>alert(2)</script>");
    assertThat(parsed.select("p.also a").text()).isEqualTo("<img src=x onerror=alert(3)>");
    assertThat(parsed.select("script, img, b, i")).as("no element came from a text").isEmpty();
    assertThat(html).doesNotContain("<script", "<img", "<b>", "<i>");
  }

  @Test
  void aQuoteInALinkCannotAddAttributes() {
    String link = "https://vov.vn/a\"onmouseover=\"alert(1)'x=y";
    Story story = new Story("s-1", link, "Tin", "", "", null, StoryFixtures.UPDATED,
        List.of(new SourceRef("a", "A", link), new SourceRef("b", "B", link)));
    Document parsed = parse(render(META, List.of(story)));
    for (Element a : parsed.select("li a")) {
      assertThat(a.attributes().asList()).extracting(attr -> attr.getKey())
          .containsExactly("href", "rel");
      assertThat(a.attr("href")).isEqualTo(link);
    }
    assertThat(parsed.select("li a")).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      javascript                  | javascript:alert(1)
      mixed case after a space    | ' JavaScript:alert(1)'
      tab inside the scheme       | java\tscript:alert(1)
      data URL                    | data:text/html,<script>alert(1)</script>
      vbscript                    | vbscript:msgbox
      scheme-relative             | //evil.example/x
      relative                    | /relative/path
      NUL after the scheme        | http:\0//x
      empty                       | ''
      """)
  void onlyHttpAndHttpsLinksBecomeHrefs(String name, String link) {
    Story story = new Story("s-1", link, "Tin nguy hiểm", "", "", null, StoryFixtures.UPDATED,
        List.of(new SourceRef("a", "A", link), new SourceRef("b", "Báo B", link)));
    Document parsed = parse(render(META, List.of(story)));
    assertThat(parsed.select("li a")).as("no link from " + link).isEmpty();
    assertThat(parsed.select("h2").text()).isEqualTo("Tin nguy hiểm");
    assertThat(parsed.select("p.also").text()).isEqualTo("Cũng đưa tin: Báo B");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Monday               | 2026-11-23T01:00:00Z | Thứ Hai, 23/11/2026 08:00
      Tuesday              | 2026-11-24T01:00:00Z | Thứ Ba, 24/11/2026 08:00
      Wednesday            | 2026-11-25T01:00:00Z | Thứ Tư, 25/11/2026 08:00
      Thursday             | 2026-11-26T02:45:00Z | Thứ Năm, 26/11/2026 09:45
      Friday               | 2026-11-27T01:00:00Z | Thứ Sáu, 27/11/2026 08:00
      Saturday             | 2026-11-28T01:00:00Z | Thứ Bảy, 28/11/2026 08:00
      Sunday in Vietnam    | 2026-11-28T17:30:00Z | Chủ nhật, 29/11/2026 00:30
      new year in Vietnam  | 2026-12-31T17:00:00Z | Thứ Sáu, 01/01/2027 00:00
      """)
  void datesAreVietnameseInVietnamTime(String name, String instant, String expected) {
    Instant published = Instant.parse(instant);
    Story story = new Story("s-1", "https://vov.vn/a", "Tin", "", "", null, published,
        List.of(new SourceRef("a", "A", "https://vov.vn/a")));
    Document parsed = parse(render(META, List.of(story)));
    assertThat(parsed.select("time").text()).isEqualTo(expected);
    assertThat(parsed.select("time").attr("datetime")).isEqualTo(instant);
  }

  @Test
  void aLongSummaryIsCutAtAWordBoundaryAsPlainText() {
    String sentence = "Sáng nay, Ban Chấp hành Đảng bộ tỉnh Lai Châu họp phiên thường kỳ, bàn "
        + "nhiệm vụ phát triển kinh tế xã hội và công tác xây dựng Đảng trong những tháng cuối "
        + "năm. ";
    String text = (sentence + sentence + sentence).strip();
    Story story = new Story("s-1", "https://vov.vn/a", "Tin", "<p><b>" + text + "</b></p>", "",
        null, StoryFixtures.UPDATED, List.of(new SourceRef("a", "A", "https://vov.vn/a")));
    String excerpt = parse(render(META, List.of(story))).select("p.excerpt").text();

    assertThat(text.length()).isGreaterThan(HtmlRenderer.EXCERPT_CHARS);
    assertThat(excerpt).endsWith("…").doesNotContain("<");
    String kept = excerpt.substring(0, excerpt.length() - 1);
    assertThat(kept.length()).isBetween(HtmlRenderer.EXCERPT_CHARS / 2,
        HtmlRenderer.EXCERPT_CHARS);
    assertThat(text).startsWith(kept);
    assertThat(text.charAt(kept.length())).as("cut before a space, never inside a word")
        .isIn(' ', ',');
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      short text is kept          | <p>Tin ngắn</p>              | 10 | Tin ngắn
      cut at the last space       | một hai ba bốn năm           | 10 | một hai ba…
      trailing comma is dropped   | một hai, ba bốn năm          | 10 | một hai…
      no space: cut in the word   | Kếtquảtuyệtvờinhấtnăm        | 10 | Kếtquảtuyệ…
      markup is gone              | <p>a <i>b</i></p><p>c</p>    | 10 | a b c
      """)
  void excerpts(String name, String html, int max, String expected) {
    assertThat(HtmlText.excerpt(html, max)).isEqualTo(expected);
  }

  @Test
  void pageLoadsNothingAndLinksOnlyToStoriesSourcesAndFeeds() {
    assertThat(doc.select("script, link, img, iframe, object, embed, form, [src], [style]"))
        .isEmpty();
    String css = doc.select("head > style").html();
    assertThat(css).isNotBlank().doesNotContain("@import", "url(", "http", "@font-face");
    Set<String> allowed = new HashSet<>(List.of(FEEDS + "rss", FEEDS + "atom", FEEDS + "json"));
    for (Story s : STORIES) {
      if (s.link() != null) {
        allowed.add(s.link());
      }
      s.sources().stream().skip(1).map(SourceRef::url).forEach(allowed::add);
    }
    assertThat(allowed).containsAll(doc.select("a").eachAttr("href"));
    String rest = page;
    for (String url : allowed) {
      rest = rest.replace(HtmlText.escape(url), "");
    }
    assertThat(rest).as("no other URL anywhere in the page").doesNotContain("http", "//");
  }

  @Test
  void emptyCategorySaysSoInAFriendlyLine() {
    FeedMeta bare = new FeedMeta("all", "Tất cả", "", "https://bantin.example.vn",
        StoryFixtures.UPDATED);
    Document empty = parse(render(bare, List.of()));
    assertThat(empty.select("p.empty").text()).isEqualTo("Chưa có tin.");
    assertThat(empty.select("ol")).isEmpty();
    assertThat(empty.select("header > h1").text()).isEqualTo("Tất cả");
    assertThat(empty.select("header > p")).as("no description line, only the feed links")
        .hasSize(1);
  }

  @Test
  void theSameStoriesGiveTheSameBytes() {
    // Renderings are cached and tagged by a hash of their bytes: equal input, equal ETag.
    assertThat(new HtmlRenderer().render(META, STORIES))
        .isEqualTo(new HtmlRenderer().render(META, STORIES));
  }

  private static String render(FeedMeta meta, List<Story> stories) {
    return new String(new HtmlRenderer().render(meta, stories), StandardCharsets.UTF_8);
  }

  /** Parses as a browser would and fails on any HTML parse error. */
  static Document parse(String html) {
    Parser parser = Parser.htmlParser().setTrackErrors(50);
    Document doc = parser.parseInput(html, "");
    assertThat(parser.getErrors()).as("HTML parse errors in\n" + html).isEmpty();
    return doc;
  }
}
