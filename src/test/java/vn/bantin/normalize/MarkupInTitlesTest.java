package vn.bantin.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bantin.config.Settings;
import vn.bantin.model.Entry;
import vn.bantin.parse.ParsedEntry;
import vn.bantin.parse.ParsedFeed;

/** Titles and bylines are text in every output, so no markup survives in them, however sent. */
class MarkupInTitlesTest {

  private static final Instant FETCHED = Instant.parse("2026-11-20T03:00:00Z");
  private final Normalizer normalizer = new Normalizer(
      new Settings.Parse(2, 64, 200, 500, 5000, 100_000));

  /** As the parser hands them over: HTML, with text-typed fields already escaped. */
  static Stream<Arguments> titles() {
    return Stream.of(
        Arguments.of("RSS title with markup", "<script>alert(1)</script>Hội nghị <b>lần 5</b>",
            "Hội nghị lần 5"),
        Arguments.of("JSON Feed text title holding a script",
            "&lt;script&gt;alert(1)&lt;/script&gt;Học tập và làm theo", "Học tập và làm theo"),
        Arguments.of("Atom text title holding an image handler",
            "&lt;img src=x onerror=alert(1)&gt;Chi bộ sinh hoạt", "Chi bộ sinh hoạt"),
        Arguments.of("RSS title holding escaped markup in a CDATA section",
            "&lt;b onclick=\"x()\"&gt;Tin nóng&lt;/b&gt;", "Tin nóng"),
        Arguments.of("a less-than sign that is no tag", "Giá vàng &lt;5 triệu, a &lt; b",
            "Giá vàng <5 triệu, a < b"),
        Arguments.of("entities only", "Trung ương &amp; &quot;Đảng&quot;",
            "Trung ương & \"Đảng\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("titles")
  void titleKeepsItsTextAndLosesItsMarkup(String name, String html, String expected) {
    Entry e = normalize(html, null);
    assertThat(e.title()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("titles")
  void bylineKeepsItsTextAndLosesItsMarkup(String name, String html, String expected) {
    Entry e = normalize("Tin", html);
    assertThat(e.author()).isEqualTo(expected);
  }

  private Entry normalize(String title, String author) {
    ParsedEntry raw = new ParsedEntry("1", "https://vov.vn/a.html", title, null, null, author,
        null, null, "https://vov.vn/");
    return normalizer.normalize("vov", new ParsedFeed("VOV", "https://vov.vn/", List.of(raw)),
        "https://vov.vn/rss", FETCHED).get(0);
  }
}
