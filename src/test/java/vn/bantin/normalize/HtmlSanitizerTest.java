package vn.bantin.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HtmlSanitizerTest {

  private static final String BASE = "https://vov.vn/chinh-tri/bai-viet.html";
  private final HtmlSanitizer sanitizer = new HtmlSanitizer();

  private static Arguments clean(String name, String html, String expected) {
    return Arguments.of(Named.of(name, html), expected);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        clean("script removed with its code", "<p>Tin<script>alert(1)</script></p>", "<p>Tin</p>"),
        clean("style element removed with its rules", "<style>p{color:red}</style><p>Tin</p>",
            "<p>Tin</p>"),
        clean("iframe removed", "<p>a</p><iframe src=\"https://x.vn/\"></iframe>", "<p>a</p>"),
        clean("object and embed removed",
            "<object data=\"x.swf\"><embed src=\"x.swf\"></object><p>b</p>", "<p>b</p>"),
        clean("form and its controls removed, their text kept",
            "<form action=\"/x\"><input name=\"q\"><button>Gửi</button></form>", "Gửi"),
        clean("onclick removed", "<p onclick=\"x()\">c</p>", "<p>c</p>"),
        clean("style attribute removed", "<p style=\"color:red\">d</p>", "<p>d</p>"),
        clean("javascript: href removed", "<a href=\"javascript:alert(1)\">e</a>",
            "<a rel=\"nofollow noopener\">e</a>"),
        clean("vbscript: href removed", "<a href=\"vbscript:x\">f</a>",
            "<a rel=\"nofollow noopener\">f</a>"),
        clean("data: img src removed", "<img src=\"data:image/png;base64,AAAA\" alt=\"g\">",
            "<img alt=\"g\">"),
        clean("relative link made absolute", "<a href=\"../xa-hoi/tin.html\">h</a>",
            "<a href=\"https://vov.vn/xa-hoi/tin.html\" rel=\"nofollow noopener\">h</a>"),
        clean("root-relative image made absolute", "<img src=\"/anh/1.jpg\" alt=\"Ảnh\">",
            "<img src=\"https://vov.vn/anh/1.jpg\" alt=\"Ảnh\">"),
        clean("protocol-relative image gets the base scheme", "<img src=\"//cdn.vov.vn/a.jpg\">",
            "<img src=\"https://cdn.vov.vn/a.jpg\">"),
        clean("lazy-loaded image gets its real source",
            "<img src=\"data:image/gif;base64,R0lG\" data-src=\"/anh/that.jpg\">",
            "<img src=\"https://vov.vn/anh/that.jpg\">"),
        clean("structure kept", "<figure><img src=\"https://a.vn/x.jpg\"><figcaption>Chú thích"
            + "</figcaption></figure><h2>Mục</h2><ul><li>một</li></ul><blockquote>trích</blockquote>",
            "<figure><img src=\"https://a.vn/x.jpg\"><figcaption>Chú thích</figcaption></figure>"
            + "<h2>Mục</h2><ul><li>một</li></ul><blockquote>trích</blockquote>"),
        clean("h1 unwrapped to its text", "<h1>Tiêu đề</h1><p>x</p>", "Tiêu đề<p>x</p>"),
        clean("table basics kept, widths dropped",
            "<table width=\"600\"><tr><td width=\"50\" colspan=\"2\">ô</td></tr></table>",
            "<table><tbody><tr><td colspan=\"2\">ô</td></tr></tbody></table>"),
        clean("text entities decoded and NFC", "<p>Đa\u0309ng &amp; Nha&#768; n&#432;&#7899;c</p>",
            "<p>Đảng &amp; Nhà nước</p>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sanitizes(String html, String expected) {
    assertThat(sanitizer.sanitize(html, BASE)).isEqualTo(expected);
  }

  @Test
  void nothingDangerousSurvivesTheHostileFixture() throws IOException {
    String out = sanitizer.sanitize(fixture("hostile_summary.html"), BASE);
    assertThat(out.toLowerCase())
        .doesNotContain("<script", "alert", "<style", "style=", "<iframe", "<object", "<embed",
            "<form", "<input", "onclick", "onerror", "onload", "onmouseover", "javascript:",
            "vbscript:", "data:", "<svg", "<math", "<meta", "<link", "<base", "target=");
    assertThat(out).contains("Tin <b>chính</b> trị", "https://vov.vn/bai-viet",
        "https://vov.vn/chinh-tri/anh/1.jpg");
  }

  @Test
  void withoutABaseRelativeLinksAreDropped() {
    assertThat(sanitizer.sanitize("<a href=\"/x\">x</a><img src=\"y.jpg\">", null))
        .isEqualTo("<a rel=\"nofollow noopener\">x</a><img>");
  }

  @Test
  void nullAndBlankBecomeEmpty() {
    assertThat(sanitizer.sanitize(null, BASE)).isEmpty();
    assertThat(sanitizer.sanitize("  \n", BASE)).isEmpty();
  }

  @Test
  void cappingClosesTheOpenElementsWithinTheCap() {
    String html = "<p>Một <b>hai ba bốn năm sáu</b> bảy tám</p><p>chín mười</p>";
    String capped = sanitizer.sanitize(html, BASE, 20);
    assertThat(capped).hasSizeLessThanOrEqualTo(20).startsWith("<p>Một <b>").endsWith("</b></p>");
  }

  @Test
  void cappingNeverCutsATagOrAnEntity() {
    String html = "<p>a &amp; b <a href=\"https://vov.vn/x\">liên kết</a></p>";
    for (int max = 0; max <= html.length() + 40; max++) {
      String capped = sanitizer.sanitize(html, BASE, max);
      assertThat(capped).hasSizeLessThanOrEqualTo(max);
      assertThat(sanitizer.sanitize(capped, BASE)).as("cap %d is clean HTML", max)
          .isEqualTo(capped);
    }
  }

  @Test
  void cappingNeverSplitsASurrogatePair() {
    for (int max = 0; max <= 30; max++) {
      String capped = sanitizer.sanitize("<p>ab😀😀😀😀😀😀</p>", BASE, max);
      assertThat(capped.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF)).as("cap %d", max).isEmpty();
      assertThat(capped).hasSizeLessThanOrEqualTo(max);
    }
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = HtmlSanitizerTest.class.getResourceAsStream("/normalize/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
