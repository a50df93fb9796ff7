package vn.bantin.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParsedUrlsTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"https://vov.vn/rss/chinh-tri.rss", "HTTP://Example.COM:8080?a=1#x",
      "https://báolaichâu.vn/tin", "https://dangcongsan.vn/thời sự"})
  void givesWhatParsingGivesAndTheSameValueNextTime(String url) {
    ParsedUrls urls = new ParsedUrls(4);

    FetchUrl first = urls.parse(url);

    assertThat(first).isEqualTo(FetchUrl.parse(url));
    assertThat(urls.parse(url)).isSameAs(first);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ftp://example.com/", "http://exa mple.com/", "http://[::1/"})
  void refusesBadUrlsEveryTimeAndKeepsNone(String url) {
    ParsedUrls urls = new ParsedUrls(4);
    String message = null;
    try {
      FetchUrl.parse(url);
    } catch (IllegalArgumentException e) {
      message = e.getMessage();
    }

    assertThatIllegalArgumentException().isThrownBy(() -> urls.parse(url)).withMessage(message);
    assertThatIllegalArgumentException().isThrownBy(() -> urls.parse(url)).withMessage(message);
    assertThat(urls.size()).isZero();
  }

  @Test
  void noUrlIsRefusedAsParsingRefusesIt() {
    ParsedUrls urls = new ParsedUrls(4);

    assertThatIllegalArgumentException().isThrownBy(() -> urls.parse(null)).withMessage("no URL");
  }

  @Test
  void dropsTheLeastRecentlyUsedOnceFull() {
    ParsedUrls urls = new ParsedUrls(2);
    FetchUrl a = urls.parse("http://a.example/feed");
    FetchUrl b = urls.parse("http://b.example/feed");
    urls.parse("http://a.example/feed"); // a used after b

    urls.parse("http://c.example/feed");

    assertThat(urls.size()).isEqualTo(2);
    assertThat(urls.parse("http://a.example/feed")).isSameAs(a);
    assertThat(urls.parse("http://b.example/feed")).isNotSameAs(b).isEqualTo(b);
  }
}
