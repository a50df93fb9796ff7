package vn.bantin.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bantin.normalize.HtmlSanitizer;

/**
 * PlainText must give what {@code Jsoup.parse(html).text()} gave dedup and keyword categories
 * before it, for any HTML at all: stored fingerprints and memberships were computed with it.
 */
class PlainTextTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "Hội nghị triển khai nhiệm vụ công tác xây dựng Đảng",
      "  a \t\tb\n\nc\r\nd\fe  ",
      "\u00a0\u00a0Lai\u00a0\u00a0Châu\u00a0",
      "\u2003a\u3000b\u202fc\u2003",
      "a\u200bb\u00adc \u200b d",
      "\u000b\u0001a\u0007b\u001f",
      "\ufeffTin mới",
      "5 > 3 ]]> hết",
      " \t\n\u00a0 ",
      "",
      "Vốn 5 &lt; 7 &amp; 9 &gt; 3 &quot;tỷ&quot;",
      "a&nbsp;&nbsp;b&#160;c",
      "<p>Một</p><p>Hai<br>ba</p>  <div>bốn</div>",
      "<p> Đảng ủy Khối </p>",
      "<title>x</title>y",
      "a\u0000b"})
  void textIsJsoupsDocumentTextAndTheSameWhenRemembered(String html) {
    String expected = PlainText.parse(html);
    assertThat(PlainText.of(html)).isEqualTo(expected);
    assertThat(PlainText.of(html)).as("second call, remembered").isEqualTo(expected);
  }

  @Test
  void randomFragmentsOfTrickyCharactersGiveJsoupsDocumentText() {
    TrickyFragments.textAgrees(20261127, PlainText::of, PlainText::parse);
  }

  /** What the store reads: the normalizer's sanitized summaries. */
  @Test
  void sanitizedSummariesGiveJsoupsDocumentText() {
    String nfd = Normalizer.normalize("Đảng ủy Khối triển khai", Normalizer.Form.NFD);
    for (String raw : new String[] {
        "VOV.VN - Sáng 26/11, <b>Đảng ủy</b> Khối tổ chức hội nghị.",
        "<img src=\"https://vov.vn/a.jpg\"> <p>" + nfd + "</p>",
        "<script>alert(1)</script>Tin <a href=\"javascript:x\">mới</a>",
        "Lai Châu &amp; Điện Biên\u00a0 phát triển"}) {
      String sanitized = new HtmlSanitizer().sanitize(raw, "https://vov.vn/");
      assertThat(PlainText.of(sanitized)).as(sanitized).isEqualTo(PlainText.parse(sanitized));
    }
  }
}
