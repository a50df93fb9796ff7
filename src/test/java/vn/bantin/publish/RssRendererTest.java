package vn.bantin.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.publish.StoryFixtures.META;
import static vn.bantin.publish.StoryFixtures.STORIES;
import static vn.bantin.publish.XmlDocs.nodes;
import static vn.bantin.publish.XmlDocs.text;
import static vn.bantin.publish.XmlDocs.texts;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import vn.bantin.model.Story;

class RssRendererTest {

  private final byte[] rss = new RssRenderer(StoryFixtures.sourceFeedUrl()).render(META, STORIES);

  @Test
  void channelCarriesRequiredElementsAndSelfLink() throws Exception {
    Document doc = XmlDocs.parse(rss);
    assertThat(new String(rss, StandardCharsets.UTF_8))
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    assertThat(text(doc, "/rss/@version")).isEqualTo("2.0");
    assertThat(text(doc, "/rss/channel/title")).isEqualTo("Xây dựng Đảng");
    assertThat(text(doc, "/rss/channel/link"))
        .isEqualTo("https://bantin.example.vn/feeds/xay-dung-dang.html");
    assertThat(text(doc, "/rss/channel/description")).isEqualTo("Tin công tác xây dựng Đảng");
    assertThat(text(doc, "/rss/channel/language")).isEqualTo("vi");
    assertThat(text(doc, "/rss/channel/generator")).isEqualTo("bantin");
    assertThat(rfc1123(text(doc, "/rss/channel/lastBuildDate"))).isEqualTo(StoryFixtures.UPDATED);
    assertThat(text(doc, "/rss/channel/atom:link[@rel='self']/@href"))
        .isEqualTo("https://bantin.example.vn/feeds/xay-dung-dang.rss");
    assertThat(text(doc, "/rss/channel/atom:link[@rel='self']/@type"))
        .isEqualTo("application/rss+xml");
  }

  @Test
  void emptyCategoryDescriptionFallsBackToTitle() throws Exception {
    FeedMeta bare = new FeedMeta("all", "Tất cả", "", "https://bantin.example.vn",
        StoryFixtures.UPDATED);
    Document doc = XmlDocs.parse(new RssRenderer(id -> null).render(bare, List.of()));
    assertThat(text(doc, "/rss/channel/description")).isEqualTo("Tất cả");
    assertThat(nodes(doc, "/rss/channel/item")).isEmpty();
  }

  @Test
  void itemsCarryStableGuidAndRfc822Dates() throws Exception {
    Document doc = XmlDocs.parse(rss);
    List<Node> items = nodes(doc, "/rss/channel/item");
    assertThat(items).hasSize(STORIES.size());
    for (int i = 0; i < items.size(); i++) {
      assertThat(text(items.get(i), "guid")).isEqualTo("urn:bantin:story:" + STORIES.get(i).id());
      assertThat(text(items.get(i), "guid/@isPermaLink")).isEqualTo("false");
      assertThat(rfc1123(text(items.get(i), "pubDate"))).isEqualTo(STORIES.get(i).published());
    }
    assertThat(text(items.get(1), "pubDate")).isEqualTo("Tue, 4 Mar 2025 23:05:09 GMT");
  }

  @Test
  void optionalItemElementsFollowTheStory() throws Exception {
    Document doc = XmlDocs.parse(rss);
    assertThat(texts(doc, "//item/title"))
        .containsExactlyElementsOf(STORIES.stream().map(Story::title).toList());
    assertThat(nodes(doc, "//item[3]/link")).as("story without link").isEmpty();
    assertThat(texts(doc, "//item/dc:creator")).containsExactly("Minh Anh", "Trần Văn Bình");
    assertThat(text(doc, "//item[1]/description"))
        .isEqualTo(StoryFixtures.MERGED.summaryHtml());
    assertThat(text(doc, "//item[4]/description")).as("summary empty: content stands in")
        .isEqualTo(StoryFixtures.CONTENT_ONLY.contentHtml());
    assertThat(text(doc, "//item[1]/content:encoded"))
        .isEqualTo(StoryFixtures.MERGED.contentHtml());
    assertThat(nodes(doc, "//item[3]/content:encoded")).as("no content").isEmpty();
  }

  @Test
  void sourceNamesTheFirstSourceByItsFeedElseItsArticle() throws Exception {
    Document doc = XmlDocs.parse(rss);
    Element merged = (Element) nodes(doc, "//item[1]/source").get(0);
    assertThat(merged.getAttribute("url")).isEqualTo("https://vov.vn/rss/chinh-tri.rss");
    assertThat(merged.getTextContent()).isEqualTo("VOV – Chính trị");
    assertThat(text(doc, "//item[2]/source/@url")).as("feed unknown: article URL")
        .isEqualTo("https://nhandan.vn/duong-cau?id=7&amp=1");
    assertThat(nodes(doc, "//item[3]/source")).as("no URL at all: no source").isEmpty();
    assertThat(nodes(doc, "//item/source")).hasSize(3);
  }

  @Test
  void romeReadsIt() throws Exception {
    SyndFeed feed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(rss)));
    assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
    assertThat(feed.getTitle()).isEqualTo(META.title());
    assertThat(feed.getEntries()).extracting(SyndEntry::getUri).containsExactly(
        "urn:bantin:story:s-0001", "urn:bantin:story:s-0002", "urn:bantin:story:s-0003",
        "urn:bantin:story:s-0004");
    assertThat(feed.getEntries().get(0).getLink()).isEqualTo(StoryFixtures.MERGED.link());
    assertThat(feed.getEntries().get(1).getTitle()).isEqualTo(StoryFixtures.TRICKY_HTML.title());
  }

  private static Instant rfc1123(String date) {
    return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
  }
}
