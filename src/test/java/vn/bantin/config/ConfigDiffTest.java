package vn.bantin.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one-line summaries of what changed, as the history and the audit log show them. */
class ConfigDiffTest {
  static final String BASE = """
      version: 1
      defaults:
        interval: 15m
      sources:
        - id: vov-chinh-tri
          title: VOV – Chính trị
          url: https://vov.vn/rss/chinh-tri.rss
          tags: [party]
        - id: bao-lai-chau
          title: Báo Lai Châu
          url: https://baolaichau.vn/rss/home.rss
      categories:
        - id: xay-dung-dang
          title: Xây dựng Đảng
          tags: [party]
        - id: lai-chau
          title: Lai Châu
          sources: [bao-lai-chau]
      """;

  static Stream<Arguments> changes() {
    return Stream.of(
        change("a source added",
            BASE.replace("categories:", """
                  - id: vov-kinh-te
                    title: VOV – Kinh tế
                    url: https://vov.vn/rss/kinh-te.rss
                categories:"""),
            "source vov-kinh-te added"),
        change("a source removed (and the category naming it)",
            BASE.replace("""
                  - id: bao-lai-chau
                    title: Báo Lai Châu
                    url: https://baolaichau.vn/rss/home.rss
                """, "").replace("""
                  - id: lai-chau
                    title: Lai Châu
                    sources: [bao-lai-chau]
                """, ""),
            "source bao-lai-chau removed; category lai-chau removed"),
        change("a source changed in two fields",
            BASE.replace("https://baolaichau.vn/rss/home.rss", """
                http://baolaichau.vn/rss/home.rss
                    interval: 30m"""),
            "source bao-lai-chau changed (url, interval)"),
        change("a source disabled and retagged",
            BASE.replace("tags: [party]\n  - id: bao",
                "tags: [party, national]\n    enabled: false\n  - id: bao"),
            "source vov-chinh-tri changed (tags, enabled)"),
        change("a category changed",
            BASE.replace("sources: [bao-lai-chau]", """
                sources: [bao-lai-chau]
                    include: ["Lai Châu"]
                    max_age: 7d
                    limit: 20"""),
            "category lai-chau changed (include, max_age, limit)"),
        change("a category added",
            BASE + """
                  - id: tat-ca
                    title: Tất cả
                    tags: [party]
                """,
            "category tat-ca added"),
        change("the default interval, which sources without their own follow",
            BASE.replace("interval: 15m", "interval: 20m"),
            "source vov-chinh-tri changed (interval); source bao-lai-chau changed (interval);"
                + " defaults changed (interval)"),
        change("sources reordered",
            """
                version: 1
                defaults:
                  interval: 15m
                sources:
                  - id: bao-lai-chau
                    title: Báo Lai Châu
                    url: https://baolaichau.vn/rss/home.rss
                  - id: vov-chinh-tri
                    title: VOV – Chính trị
                    url: https://vov.vn/rss/chinh-tri.rss
                    tags: [party]
                """ + BASE.substring(BASE.indexOf("categories:")),
            "sources reordered"),
        change("only comments and layout",
            "# Lai Châu portal\n" + BASE.replace("tags: [party]\n  - id: bao",
                "tags:\n      - party\n\n  - id: bao"),
            ConfigDiff.NO_EFFECTIVE_CHANGE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void summarizesWhatChanged(String before, String after, String expected) throws Exception {
    FeedsConfig old = ConfigLoader.parseFeeds("feeds.yml", before);
    FeedsConfig now = ConfigLoader.parseFeeds("feeds.yml", after);

    assertThat(ConfigDiff.summary(old, now)).isEqualTo(expected);
  }

  @Test
  void aLongListOfChangesIsCountedPastTwelve() throws Exception {
    StringBuilder many = new StringBuilder(BASE);
    for (int i = 1; i <= 15; i++) {
      many.append("  - id: c").append(i).append("\n    title: C\n    tags: [x]\n");
    }
    FeedsConfig old = ConfigLoader.parseFeeds("feeds.yml", BASE);
    FeedsConfig now = ConfigLoader.parseFeeds("feeds.yml", many.toString());

    assertThat(ConfigDiff.summary(old, now))
        .startsWith("category c1 added; category c2 added;")
        .endsWith("category c12 added; and 3 more");
  }

  private static Arguments change(String name, String after, String expected) {
    return Arguments.of(Named.of(name, BASE), after, expected);
  }
}
