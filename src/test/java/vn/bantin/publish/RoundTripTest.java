package vn.bantin.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.publish.StoryFixtures.META;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import vn.bantin.model.Story;

/**
 * What a story says survives every feed format exactly, whatever characters it holds. The HTML
 * list is a page for people, not a feed to read back; HtmlRendererTest covers it.
 */
class RoundTripTest {

  /** The id, title and HTML content of each item, as a reader of {@code format} sees them. */
  record ReadBack(String id, String title, String contentHtml) {}

  @ParameterizedTest
  @EnumSource(value = Format.class, names = "HTML", mode = EnumSource.Mode.EXCLUDE)
  void markupCharactersAndCdataTerminatorRoundTrip(Format format) throws Exception {
    String title = "Lai Châu: \"Đường & cầu\" <kế hoạch> 'mới' ]]>";
    String content = "<p>a[b[0]]]]&gt;c ]]> &amp; 5 &lt; 7 – “Đảng”</p>";
    List<ReadBack> items = render(format, StoryFixtures.withTitleAndContent(title, content));
    assertThat(items).containsExactly(new ReadBack("urn:bantin:story:s-9", title, content));
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = "HTML", mode = EnumSource.Mode.EXCLUDE)
  void charactersInvalidInXmlAreStripped(Format format) throws Exception {
    String title = "Tin\u0001 mới\u000B nhất\uFFFE\uD800";
    String content = "<p>Nội\u0000 dung 😀</p>";
    List<ReadBack> items = render(format, StoryFixtures.withTitleAndContent(title, content));
    assertThat(items).containsExactly(
        new ReadBack("urn:bantin:story:s-9", "Tin mới nhất", "<p>Nội dung 😀</p>"));
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = "HTML", mode = EnumSource.Mode.EXCLUDE)
  void everyFormatGivesTheSameIds(Format format) throws Exception {
    List<String> ids = readBack(format, StoryFixtures.renderer(format)
        .render(META, StoryFixtures.STORIES)).stream().map(ReadBack::id).toList();
    assertThat(ids).containsExactly("urn:bantin:story:s-0001", "urn:bantin:story:s-0002",
        "urn:bantin:story:s-0003", "urn:bantin:story:s-0004");
  }

  private static List<ReadBack> render(Format format, Story story) throws Exception {
    return readBack(format, StoryFixtures.renderer(format).render(META, List.of(story)));
  }

  private static List<ReadBack> readBack(Format format, byte[] body) throws Exception {
    List<ReadBack> items = new ArrayList<>();
    if (format == Format.JSON) {
      for (JsonNode item : JsonFeedRendererTest.read(body).path("items")) {
        items.add(new ReadBack(item.path("id").asText(), item.path("title").asText(),
            item.path("content_html").asText()));
      }
      return items;
    }
    Document doc = XmlDocs.parse(body); // throws on any character XML cannot carry
    boolean rss = format == Format.RSS;
    for (Node item : XmlDocs.nodes(doc, rss ? "//item" : "//a:entry")) {
      items.add(new ReadBack(
          XmlDocs.text(item, rss ? "guid" : "a:id"),
          XmlDocs.text(item, rss ? "title" : "a:title"),
          XmlDocs.text(item, rss ? "content:encoded" : "a:content")));
    }
    return items;
  }
}
