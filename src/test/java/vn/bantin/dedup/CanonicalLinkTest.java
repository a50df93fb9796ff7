package vn.bantin.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalLinkTest {

  private static final String BASE = "https://vov.vn/chinh-tri/dang-uy-khoi-123.vov";

  static Stream<Arguments> sameStory() {
    return Stream.of(
        Arguments.of("http vs https", "http://vov.vn/chinh-tri/dang-uy-khoi-123.vov"),
        Arguments.of("www. prefix", "https://www.vov.vn/chinh-tri/dang-uy-khoi-123.vov"),
        Arguments.of("upper-case host", "https://VOV.VN/chinh-tri/dang-uy-khoi-123.vov"),
        Arguments.of("default port 443", "https://vov.vn:443/chinh-tri/dang-uy-khoi-123.vov"),
        Arguments.of("default port 80", "http://vov.vn:80/chinh-tri/dang-uy-khoi-123.vov"),
        Arguments.of("fragment", BASE + "#top"),
        Arguments.of("trailing slash", BASE + "/"),
        Arguments.of("utm parameters", BASE + "?utm_source=rss&utm_medium=x"),
        Arguments.of("upper-case utm", BASE + "?UTM_Campaign=feed"),
        Arguments.of("fbclid", BASE + "?fbclid=IwAR0abc"),
        Arguments.of("zarsrc (Zalo)", BASE + "?zarsrc=31&utm_source=zalo"),
        Arguments.of("gclid", BASE + "?gclid=xyz"),
        Arguments.of("empty query", BASE + "?"),
        Arguments.of("percent-encoded unreserved",
            "https://vov.vn/chinh%2Dtri/dang-uy-khoi-123.vov"),
        Arguments.of("surrounding spaces", "  " + BASE + "  "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sameStory")
  void variantsOfOneLinkAreOneCanonicalLink(String name, String variant) {
    assertThat(CanonicalLink.of(variant)).isEqualTo(CanonicalLink.of(BASE));
  }

  static Stream<Arguments> sameQuery() {
    return Stream.of(
        Arguments.of("parameter order", "https://baolaichau.vn/tin?id=5&cat=2",
            "https://baolaichau.vn/tin?cat=2&id=5"),
        Arguments.of("tracking between real parameters",
            "https://baolaichau.vn/tin?id=5&utm_source=rss&cat=2",
            "https://baolaichau.vn/tin?cat=2&id=5"),
        Arguments.of("hex case of reserved escapes", "https://nhandan.vn/a%2fb?q=a%2fb",
            "https://nhandan.vn/a%2Fb?q=a%2Fb"),
        Arguments.of("raw vs encoded Vietnamese path", "https://nhandan.vn/Đảng",
            "https://nhandan.vn/%C4%90%E1%BA%A3ng"),
        Arguments.of("IDN host", "https://báo.vn/tin", "https://xn--bo-mia.vn/tin"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sameQuery")
  void equivalentSpellingsAgree(String name, String a, String b) {
    assertThat(CanonicalLink.of(a)).isNotNull().isEqualTo(CanonicalLink.of(b));
  }

  static Stream<Arguments> differentStories() {
    return Stream.of(
        Arguments.of("different paths", BASE, "https://vov.vn/chinh-tri/dang-uy-khoi-124.vov"),
        Arguments.of("different query values", "https://baolaichau.vn/tin?id=5",
            "https://baolaichau.vn/tin?id=6"),
        Arguments.of("different hosts", BASE, "https://vtv.vn/chinh-tri/dang-uy-khoi-123.vov"),
        Arguments.of("non-default port", BASE,
            "https://vov.vn:8443/chinh-tri/dang-uy-khoi-123.vov"),
        Arguments.of("path case", BASE, "https://vov.vn/Chinh-Tri/dang-uy-khoi-123.vov"),
        Arguments.of("real parameter kept", BASE, BASE + "?page=2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("differentStories")
  void differentLinksStayDifferent(String name, String a, String b) {
    assertThat(CanonicalLink.of(a)).isNotEqualTo(CanonicalLink.of(b));
  }

  @ParameterizedTest(name = "\"{0}\" has no canonical link")
  @NullSource
  @ValueSource(strings = {"", "   ", "ftp://vov.vn/a", "javascript:alert(1)", "mailto:a@vov.vn",
      "/relative/path", "https://", "https://vov.vn:99999/a", "https://vov.vn:80x/a"})
  void nonHttpOrBrokenInputHasNone(String url) {
    assertThat(CanonicalLink.of(url)).isNull();
  }

  @Test
  void formIsSchemelessLowerCaseHostWithSortedCleanQuery() {
    assertThat(CanonicalLink.of("HTTPS://WWW.Vov.VN:443/Tin/?b=2&utm_source=rss&a=1#x"))
        .isEqualTo("//vov.vn/Tin?a=1&b=2");
  }

  @Test
  void bareHostHasEmptyPath() {
    assertThat(CanonicalLink.of("https://www.vov.vn/")).isEqualTo("//vov.vn");
  }

  /** The names the IDN shortcut takes; the others go through IDN.toASCII. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      lower-case host           | vov.vn                 | true
      upper case and digits     | WWW.Dangcongsan2.VN    | true
      hyphen                    | bao-lai-chau.vn        | true
      an IPv4 address           | 10.0.0.1               | true
      label of 63               | %63.vn                 | true
      label of 64               | %64.vn                 | false
      empty label               | a..vn                  | false
      leading dot               | .vn                    | false
      trailing dot              | vov.vn.                | false
      empty                     | ''                     | false
      underscore                | a_b.vn                 | false
      Vietnamese                | báo.vn                 | false
      """)
  void plainAsciiNames(String name, String host, boolean plain) {
    String expanded = host.startsWith("%")
        ? "a".repeat(Integer.parseInt(host.substring(1, 3))) + host.substring(3) : host;
    assertThat(LinkHost.isPlainAsciiName(expanded)).isEqualTo(plain);
  }
}
