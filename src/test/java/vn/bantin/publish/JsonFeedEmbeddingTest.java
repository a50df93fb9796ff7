package vn.bantin.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.publish.StoryFixtures.META;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;

/** A JSON Feed pasted into a page's HTML cannot open a tag there, whatever its text says. */
class JsonFeedEmbeddingTest {

  private static final String SUMMARY_TEXT = "Hướng dẫn: thẻ <script> và </script><!-- & -->";
  private static final Story TEXT_WITH_MARKUP = new Story("s-0009",
      "https://vov.vn/a?x=1&y=2", "a < b & c > d",
      "<p>Hướng dẫn: thẻ &lt;script&gt; và &lt;/script&gt;&lt;!-- &amp; --&gt;</p>",
      "<p>Nội dung <b>đậm</b></p>", "A & B", Instant.parse("2026-11-20T01:00:00Z"),
      List.of(new SourceRef("vov", "VOV <Chính trị>", "https://vov.vn/a?x=1&y=2")));

  @Test
  void noAngleBracketOrAmpersandIsWrittenRaw() throws Exception {
    byte[] json = new JsonFeedRenderer().render(META, List.of(TEXT_WITH_MARKUP));
    String raw = new String(json, StandardCharsets.UTF_8);

    assertThat(raw).doesNotContain("<", ">", "&").contains("\\u003Cscript\\u003E");
    JsonNode item = new ObjectMapper().readTree(json).path("items").path(0);
    assertThat(item.path("title").asText()).isEqualTo("a < b & c > d");
    assertThat(item.path("summary").asText()).isEqualTo(SUMMARY_TEXT);
    assertThat(item.path("content_html").asText()).isEqualTo("<p>Nội dung <b>đậm</b></p>");
    assertThat(item.path("url").asText()).isEqualTo("https://vov.vn/a?x=1&y=2");
  }
}
