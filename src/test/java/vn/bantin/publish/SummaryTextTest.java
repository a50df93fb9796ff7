package vn.bantin.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.publish.StoryFixtures.META;
import static vn.bantin.publish.StoryFixtures.STORIES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bantin.model.PlainText;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;
import vn.bantin.model.TrickyFragments;

/** SummaryText must give what jsoup gave the renderers before it, for any HTML at all. */
class SummaryTextTest {

  private static final String NFD_VIETNAMESE =
      Normalizer.normalize("Đảng ủy Khối triển khai nhiệm vụ năm 2025", Normalizer.Form.NFD);

  static Stream<Arguments> fragments() {
    return Stream.of(
        plain("plain ASCII", "Hello world"),
        plain("Vietnamese NFC", "Hội nghị triển khai nhiệm vụ công tác xây dựng Đảng"),
        plain("Vietnamese NFD, combining marks kept", NFD_VIETNAMESE),
        plain("runs of spaces, tabs, LF, CR LF, FF", "  a \t\tb\n\nc\r\nd\fe  "),
        plain("NO-BREAK SPACE collapses as a space", "\u00a0\u00a0Lai\u00a0\u00a0Châu\u00a0"),
        plain("other Unicode spaces are kept", "\u2003a\u3000b\u202fc\u2003"),
        plain("zero width space and soft hyphen are dropped", "a\u200bb\u00adc \u200b d"),
        plain("vertical tab and C0 controls trimmed at the ends only", "\u000b\u0001a\u0007b\u001f"),
        plain("C1 controls and DEL", "\u0085a\u007fb\u009f"),
        plain("byte order mark", "\ufeffTin mới"),
        plain("U+FFFE, U+FFFF and an unpaired surrogate", "a\ufffeb\uffffc\ud800d\udc00"),
        plain("emoji pair", "Tết 🎉 vui"),
        plain("'>' and CDATA terminator as text", "5 > 3 ]]> hết"),
        plain("whitespace only", " \t\n\u00a0 "),
        plain("empty", ""),
        markup("entities", "Vốn 5 &lt; 7 &amp; 9 &gt; 3 &quot;tỷ&quot; &#39;đồng&#39;"),
        markup("NBSP as entities", "a&nbsp;&nbsp;b&#160;c&#xA0;"),
        markup("unknown entity and lone ampersand", "AT&T &notanentity; & x &amp"),
        markup("'<' in text", "1<2 and a < b <3"),
        markup("CDATA section in HTML", "<![CDATA[x < y]]> z"),
        markup("comment", "a<!-- hidden -->b"),
        markup("paragraphs and line breaks", "<p>Một</p><p>Hai<br>ba</p>  <div>bốn</div>"),
        markup("pre keeps its whitespace", "<pre>  a   b\n c </pre> d"),
        markup("script and style text", "<script>var a=1;</script><style>p{}</style>x"),
        markup("NUL character", "a\u0000b"),
        markup("Vietnamese NFD inside markup", "<p>" + NFD_VIETNAMESE + "</p>"),
        markup("inline tags without spaces", "<b>Lai</b><i>Châu</i> <a href=\"x\">tin</a>"));
  }

  private static Arguments plain(String name, String html) {
    return Arguments.of(name, html, true);
  }

  private static Arguments markup(String name, String html) {
    return Arguments.of(name, html, false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fragments")
  void textIsJsoupsTextByteForByteAndTheSameWhenCached(String name, String html, boolean plain) {
    assertThat(PlainText.isPlain(html)).as("takes the direct path").isEqualTo(plain);
    String expected = SummaryText.parse(html);
    assertThat(SummaryText.of(html)).isEqualTo(expected);
    assertThat(SummaryText.of(html)).as("second call, from the cache").isEqualTo(expected);
  }

  @Test
  void randomFragmentsOfTrickyCharactersGiveJsoupsText() {
    TrickyFragments.textAgrees(20251127, SummaryText::of, SummaryText::parse);
  }

  @Test
  void jsonFeedSummariesAreJsoupsTextOfEachStory() throws IOException {
    List<Story> stories = new ArrayList<>(STORIES);
    fragments().forEach(args -> stories.add(story((String) args.get()[1])));
    JsonNode items = new ObjectMapper()
        .readTree(new JsonFeedRenderer().render(META, stories)).path("items");
    assertThat(items).hasSize(stories.size());
    for (int i = 0; i < stories.size(); i++) {
      String summary = stories.get(i).summaryHtml();
      // JSON Feed omits an empty summary, and JsonWriter drops what XML cannot carry.
      String expected = summary.isEmpty() ? "" : CharFilter.xmlSafe(SummaryText.parse(summary));
      assertThat(items.get(i).path("summary").asText()).as(summary).isEqualTo(expected);
    }
  }

  private static Story story(String summaryHtml) {
    return new Story("s-x", "https://vov.vn/x", "Tin", summaryHtml, "", null,
        StoryFixtures.UPDATED, List.of(new SourceRef("vov", "VOV", "https://vov.vn/x")));
  }
}
