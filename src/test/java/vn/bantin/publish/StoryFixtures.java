package vn.bantin.publish;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;

/** Vietnamese stories covering the shapes renderers must handle, and the renderers under test. */
final class StoryFixtures {

  static final Instant UPDATED = Instant.parse("2025-03-05T08:30:00Z");

  static final FeedMeta META = new FeedMeta("xay-dung-dang", "Xây dựng Đảng",
      "Tin công tác xây dựng Đảng", "https://bantin.example.vn", UPDATED);

  /** Feed URLs known for two sources; {@code nhan-dan} and {@code bao-lai-chau} have none. */
  static final Map<String, String> SOURCE_FEEDS = Map.of(
      "vov-chinh-tri", "https://vov.vn/rss/chinh-tri.rss",
      "dcs-vn", "https://dangcongsan.vn/rss/xay-dung-dang.rss");

  /** One story carried by three sources, with byline, summary and content. */
  static final Story MERGED = new Story("s-0001",
      "https://vov.vn/chinh-tri/dang-uy-khoi-trien-khai-nhiem-vu-2025-post1.vov",
      "Đảng ủy Khối triển khai nhiệm vụ năm 2025",
      "<p>Hội nghị triển khai nhiệm vụ công tác xây dựng Đảng năm 2025.</p>",
      "<p>Sáng 4/3, Đảng ủy Khối tổ chức hội nghị.</p><p>Đồng chí Bí thư phát biểu.</p>",
      "Minh Anh", Instant.parse("2025-03-05T08:30:00Z"),
      List.of(
          new SourceRef("vov-chinh-tri", "VOV – Chính trị",
              "https://vov.vn/chinh-tri/dang-uy-khoi-trien-khai-nhiem-vu-2025-post1.vov"),
          new SourceRef("nhan-dan", "Nhân Dân",
              "https://nhandan.vn/dang-uy-khoi-trien-khai-nhiem-vu-post2.html"),
          new SourceRef("dcs-vn", "Đảng Cộng sản Việt Nam",
              "https://dangcongsan.vn/xay-dung-dang/trien-khai-nhiem-vu-3.html")));

  /** Markup characters in every text, a CDATA terminator in the content, and no byline. */
  static final Story TRICKY_HTML = new Story("s-0002",
      "https://nhandan.vn/duong-cau?id=7&amp=1",
      "Lai Châu: \"Đường & cầu\" <kế hoạch> 2025",
      "<p>Vốn 5 &lt; 7 &amp; 9 &gt; 3 tỷ đồng</p>",
      "<p>Mã: <code>a[b[0]]]]&gt;c</code> ]]> hết &amp; xong</p>",
      null, Instant.parse("2025-03-04T23:05:09Z"),
      List.of(new SourceRef("nhan-dan", "Nhân Dân", "https://nhandan.vn/duong-cau?id=7&amp=1")));

  /** No link, no byline, no content, and a source without any URL. */
  static final Story NO_LINK = new Story("s-0003", null,
      "Báo Lai Châu: Hội nghị chi bộ tháng 3",
      "<p>Chi bộ họp thường kỳ.</p>", "", null, Instant.parse("2025-03-03T01:02:03Z"),
      List.of(new SourceRef("bao-lai-chau", "Báo Lai Châu", null)));

  /** Content but no summary: RSS description and JSON content_html fall back to the content. */
  static final Story CONTENT_ONLY = new Story("s-0004",
      "https://dangcongsan.vn/tin/hoc-tap-nghi-quyet-4.html",
      "Học tập, quán triệt Nghị quyết", "",
      "<p>Toàn văn bài viết về học tập Nghị quyết.</p>", "Trần Văn Bình",
      Instant.parse("2025-03-01T10:00:00Z"),
      List.of(new SourceRef("dcs-vn", "Đảng Cộng sản Việt Nam",
          "https://dangcongsan.vn/tin/hoc-tap-nghi-quyet-4.html")));

  static final List<Story> STORIES = List.of(MERGED, TRICKY_HTML, NO_LINK, CONTENT_ONLY);

  private StoryFixtures() {}

  static Function<String, String> sourceFeedUrl() {
    return SOURCE_FEEDS::get;
  }

  static Renderer renderer(Format format) {
    return switch (format) {
      case RSS -> new RssRenderer(sourceFeedUrl());
      case ATOM -> new AtomRenderer(sourceFeedUrl());
      case JSON -> new JsonFeedRenderer();
      case HTML -> new HtmlRenderer();
    };
  }

  static Story withTitleAndContent(String title, String contentHtml) {
    return new Story("s-9", "https://vov.vn/x", title, "", contentHtml, null, UPDATED,
        List.of(new SourceRef("vov-chinh-tri", "VOV – Chính trị", "https://vov.vn/x")));
  }
}
