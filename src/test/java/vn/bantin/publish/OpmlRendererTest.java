package vn.bantin.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class OpmlRendererTest {

  private static final List<OpmlCategory> CATEGORIES = List.of(
      new OpmlCategory("xay-dung-dang", "Xây dựng Đảng", "Tin công tác xây dựng Đảng"),
      new OpmlCategory("lai-chau", "Lai Châu & Tây Bắc <mới>", ""),
      new OpmlCategory("all", "Tất cả", null));

  @Test
  void listsEveryCategoryAsAnRssSubscription() throws Exception {
    byte[] opml = new OpmlRenderer().render("bantin – Danh mục", "https://bantin.example.vn/",
        CATEGORIES);
    Document doc = XmlDocs.parse(opml);
    assertThat(XmlDocs.text(doc, "/opml/@version")).isEqualTo("2.0");
    assertThat(XmlDocs.text(doc, "/opml/head/title")).isEqualTo("bantin – Danh mục");
    List<Node> outlines = XmlDocs.nodes(doc, "/opml/body/outline");
    assertThat(outlines).hasSize(3);
    Element first = (Element) outlines.get(0);
    assertThat(first.getAttribute("type")).isEqualTo("rss");
    assertThat(first.getAttribute("text")).isEqualTo("Xây dựng Đảng");
    assertThat(first.getAttribute("title")).isEqualTo("Xây dựng Đảng");
    assertThat(first.getAttribute("description")).isEqualTo("Tin công tác xây dựng Đảng");
    assertThat(first.getAttribute("xmlUrl"))
        .as("trailing slash of the base URL ignored")
        .isEqualTo("https://bantin.example.vn/feeds/xay-dung-dang.rss");
    assertThat(first.getAttribute("htmlUrl"))
        .isEqualTo("https://bantin.example.vn/feeds/xay-dung-dang.html");
    Element escaped = (Element) outlines.get(1);
    assertThat(escaped.getAttribute("text")).isEqualTo("Lai Châu & Tây Bắc <mới>");
    assertThat(escaped.hasAttribute("description")).as("empty description left out").isFalse();
    assertThat(((Element) outlines.get(2)).getAttribute("xmlUrl"))
        .isEqualTo("https://bantin.example.vn/feeds/all.rss");
  }

  @Test
  void noCategoriesGiveAnEmptyBody() throws Exception {
    Document doc = XmlDocs.parse(new OpmlRenderer().render("bantin", "https://b.vn", List.of()));
    assertThat(XmlDocs.nodes(doc, "/opml/body")).hasSize(1);
    assertThat(XmlDocs.nodes(doc, "/opml/body/outline")).isEmpty();
  }
}
