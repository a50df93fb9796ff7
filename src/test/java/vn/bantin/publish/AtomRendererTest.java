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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import vn.bantin.model.Story;

class AtomRendererTest {

  private final AtomRenderer renderer = new AtomRenderer(StoryFixtures.sourceFeedUrl());
  private final byte[] atom = renderer.render(META, STORIES);

  static Stream<Named<List<Story>>> categories() {
    return Stream.of(
        Named.of("every story shape", STORIES),
        Named.of("empty category", List.of()),
        Named.of("story with neither link nor content", List.of(StoryFixtures.NO_LINK)));
  }

  @ParameterizedTest
  @MethodSource("categories")
  void validatesAgainstRfc4287Schema(List<Story> stories) throws Exception {
    Assumptions.assumeTrue(AtomSchema.isPresent(), "atom.rnc absent: skipped");
    byte[] doc = renderer.render(META, stories);
    assertThat(AtomSchema.violations(doc)).as(new String(doc, "UTF-8")).isEmpty();
  }

  @Test
  void schemaCheckCatchesAnInvalidFeed() throws Exception {
    Assumptions.assumeTrue(AtomSchema.isPresent(), "atom.rnc absent: skipped");
    byte[] noId = new String(atom, "UTF-8").replaceFirst("<id>[^<]*</id>", "").getBytes("UTF-8");
    assertThat(AtomSchema.violations(noId)).isNotEmpty();
  }

  @Test
  void feedCarriesIdentityLinksAndLanguage() throws Exception {
    Document doc = XmlDocs.parse(atom);
    assertThat(text(doc, "/a:feed/a:id")).isEqualTo("urn:bantin:feed:xay-dung-dang");
    assertThat(text(doc, "/a:feed/@xml:lang")).isEqualTo("vi");
    assertThat(text(doc, "/a:feed/a:title")).isEqualTo("Xây dựng Đảng");
    assertThat(text(doc, "/a:feed/a:subtitle")).isEqualTo("Tin công tác xây dựng Đảng");
    assertThat(text(doc, "/a:feed/a:updated")).isEqualTo("2025-03-05T08:30:00Z");
    assertThat(text(doc, "/a:feed/a:link[@rel='self']/@href"))
        .isEqualTo("https://bantin.example.vn/feeds/xay-dung-dang.atom");
    assertThat(text(doc, "/a:feed/a:link[@rel='self']/@type")).isEqualTo("application/atom+xml");
    assertThat(text(doc, "/a:feed/a:link[@rel='alternate']/@href"))
        .isEqualTo("https://bantin.example.vn/feeds/xay-dung-dang.html");
  }

  @Test
  void entriesCarryStableIdsDatesAndAuthors() throws Exception {
    Document doc = XmlDocs.parse(atom);
    assertThat(texts(doc, "//a:entry/a:id")).containsExactly("urn:bantin:story:s-0001",
        "urn:bantin:story:s-0002", "urn:bantin:story:s-0003", "urn:bantin:story:s-0004");
    assertThat(text(doc, "//a:entry[2]/a:published")).isEqualTo("2025-03-04T23:05:09Z");
    assertThat(text(doc, "//a:entry[2]/a:updated")).isEqualTo("2025-03-04T23:05:09Z");
    // A byline when the story has one, else the source that first carried it.
    assertThat(texts(doc, "//a:entry/a:author/a:name"))
        .containsExactly("Minh Anh", "Nhân Dân", "Báo Lai Châu", "Trần Văn Bình");
    assertThat(nodes(doc, "//a:entry[3]/a:link")).as("story without link").isEmpty();
    assertThat(text(doc, "//a:entry[3]/a:content")).as("no link, no content: summary is content")
        .isEqualTo(StoryFixtures.NO_LINK.summaryHtml());
    assertThat(text(doc, "//a:entry[1]/a:summary[@type='html']"))
        .isEqualTo(StoryFixtures.MERGED.summaryHtml());
    assertThat(text(doc, "//a:entry[1]/a:content[@type='html']"))
        .isEqualTo(StoryFixtures.MERGED.contentHtml());
  }

  @Test
  void sourceDescribesTheFirstSourceFeed() throws Exception {
    Document doc = XmlDocs.parse(atom);
    assertThat(nodes(doc, "//a:entry[1]/a:source")).hasSize(1);
    assertThat(text(doc, "//a:entry[1]/a:source/a:id"))
        .isEqualTo("urn:bantin:source:vov-chinh-tri");
    assertThat(text(doc, "//a:entry[1]/a:source/a:title")).isEqualTo("VOV – Chính trị");
    assertThat(text(doc, "//a:entry[1]/a:source/a:link[@rel='self']/@href"))
        .isEqualTo("https://vov.vn/rss/chinh-tri.rss");
    assertThat(text(doc, "//a:entry[2]/a:source/a:link[@rel='alternate']/@href"))
        .as("feed unknown: the article at the source")
        .isEqualTo("https://nhandan.vn/duong-cau?id=7&amp=1");
  }

  @Test
  void romeReadsIt() throws Exception {
    SyndFeed feed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(atom)));
    assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    assertThat(feed.getEntries()).extracting(SyndEntry::getUri).containsExactly(
        "urn:bantin:story:s-0001", "urn:bantin:story:s-0002", "urn:bantin:story:s-0003",
        "urn:bantin:story:s-0004");
    assertThat(feed.getEntries()).extracting(SyndEntry::getTitle)
        .containsExactlyElementsOf(STORIES.stream().map(Story::title).toList());
    assertThat(feed.getEntries().get(0).getLink()).isEqualTo(StoryFixtures.MERGED.link());
  }
}
