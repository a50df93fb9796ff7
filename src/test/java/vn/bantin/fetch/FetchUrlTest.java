package vn.bantin.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FetchUrlTest {

  static Stream<Arguments> urls() {
    return Stream.of(
        Arguments.of("plain", "https://vov.vn/rss/chinh-tri.rss",
            "vov.vn", 443, "/rss/chinh-tri.rss", "https://vov.vn/rss/chinh-tri.rss"),
        Arguments.of("port, query, fragment", "HTTP://Example.COM:8080?a=1#x",
            "example.com", 8080, "/?a=1", "http://example.com:8080/?a=1"),
        Arguments.of("default port dropped", "http://example.com:80/feed",
            "example.com", 80, "/feed", "http://example.com/feed"),
        Arguments.of("IPv6 literal", "http://[::1]:81/a", "::1", 81, "/a", "http://[::1]:81/a"),
        Arguments.of("number host URI will not parse", "http://0x7f.1/feed",
            "0x7f.1", 80, "/feed", "http://0x7f.1/feed"),
        Arguments.of("IDN host", "https://báolaichâu.vn/tin",
            "xn--bolaichu-8yaq.vn", 443, "/tin", "https://xn--bolaichu-8yaq.vn/tin"),
        Arguments.of("Vietnamese path", "https://dangcongsan.vn/thời sự",
            "dangcongsan.vn", 443, "/th%E1%BB%9Di%20s%E1%BB%B1",
            "https://dangcongsan.vn/th%E1%BB%9Di%20s%E1%BB%B1"),
        Arguments.of("user info ignored", "http://user:pw@example.com/f",
            "example.com", 80, "/f", "http://example.com/f"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("urls")
  void takesUrlsApart(String name, String url, String host, int port, String target,
      String text) {
    FetchUrl parsed = FetchUrl.parse(url);

    assertThat(parsed.host()).isEqualTo(host);
    assertThat(parsed.port()).isEqualTo(port);
    assertThat(parsed.target()).isEqualTo(target);
    assertThat(parsed.text()).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ftp://example.com/", "mailto:a@b.c", "/relative", "http:///path",
      "http://exa mple.com/", "http://example.com:0/", "http://[::1/"})
  void refusesWhatIsNotAnHttpUrl(String url) {
    assertThatIllegalArgumentException().isThrownBy(() -> FetchUrl.parse(url));
  }

  @Test
  void resolvesRelativeAndNetworkPathLocations() {
    FetchUrl base = FetchUrl.parse("https://vov.vn/a/b/c.rss?x=1");

    assertThat(base.resolve("d.rss").text()).isEqualTo("https://vov.vn/a/b/d.rss");
    assertThat(base.resolve("/top.rss").text()).isEqualTo("https://vov.vn/top.rss");
    assertThat(base.resolve("?page=2").text()).isEqualTo("https://vov.vn/a/b/c.rss?page=2");
    assertThat(base.resolve("../../../up.rss").text()).isEqualTo("https://vov.vn/up.rss");
    assertThat(base.resolve("//cdn.vov.vn/f.rss").text()).isEqualTo("https://cdn.vov.vn/f.rss");
    assertThat(base.resolve("http://other.vn/").text()).isEqualTo("http://other.vn/");
  }
}
