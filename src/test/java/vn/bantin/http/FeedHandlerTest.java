package vn.bantin.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedHandlerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      a feed                         | /feeds/thoi-su.rss     | true
      any name, checked later        | /feeds/x               | true
      no file                        | /feeds/                | false
      no slash after feeds           | /feeds                 | false
      the OPML list                  | /feeds.opml            | false
      another segment                | /feeds/a/b.rss         | false
      trailing slash                 | /feeds/thoi-su.rss/    | false
      percent-encoded, router decodes | /feeds/th%E1%BB%9Di.rss | false
      elsewhere                      | /api/categories        | false
      no path                        | -                      | false
      """)
  void onlyOneSegmentNeedingNoDecodingTakesThePlainRoute(String name, String path,
      boolean plain) {
    assertThat(FeedHandler.isPlainFile(path)).isEqualTo(plain);
  }
}
