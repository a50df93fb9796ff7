package vn.bantin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static vn.bantin.config.FeedsLoadingTest.ONE_SOURCE;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every validation rule of feeds.yml (CONTRACT.md), one named case each, asserting the exact
 * {@code file:line path: message} line a user reads.
 */
class FeedsValidationTest {

  static Stream<Arguments> rules() {
    return Stream.of(
        argumentSet("version missing", "sources: []\n", "feeds.yml:0 version: required"),
        argumentSet("version empty", "version:\n", "feeds.yml:1 version: required"),
        argumentSet("version 2", "version: 2\n", "feeds.yml:1 version: must be 1, got the number 2"),
        argumentSet("version as text", "version: \"1\"\n",
            "feeds.yml:1 version: must be 1, got the text \"1\""),
        argumentSet("unknown top-level key", "version: 1\nfeed: []\n",
            "feeds.yml:2 feed: unknown key; allowed: version, defaults, sources, categories"),
        argumentSet("defaults.interval under 1m", "version: 1\ndefaults:\n  interval: 30s\n",
            "feeds.yml:3 defaults.interval: must be at least 1m"),
        argumentSet("unknown key in defaults", "version: 1\ndefaults:\n  intervall: 5m\n",
            "feeds.yml:3 defaults.intervall: unknown key; allowed: interval"),
        argumentSet("sources not a list", "version: 1\nsources:\n  id: a\n",
            "feeds.yml:3 sources: expected a list, got a mapping"),
        argumentSet("source not a mapping", "version: 1\nsources:\n  - vov\n",
            "feeds.yml:3 sources[0]: expected a mapping (key: value lines), got the text \"vov\""),
        argumentSet("source id missing", "version: 1\nsources:\n  - title: VOV\n"
                + "    url: https://vov.vn/rss/home.rss\n",
            "feeds.yml:3 sources[0].id: required"),
        argumentSet("source id upper case", ONE_SOURCE.replace("id: vov", "id: VOV"),
            "feeds.yml:3 sources[0].id: must be 1 to 64 of a-z, 0-9 and -"),
        argumentSet("source id with a space", ONE_SOURCE.replace("id: vov", "id: vov 1"),
            "feeds.yml:3 sources[0].id: must be 1 to 64 of a-z, 0-9 and -"),
        argumentSet("source id of 65 characters", ONE_SOURCE.replace("id: vov", "id: "
                + "a".repeat(65)),
            "feeds.yml:3 sources[0].id: must be 1 to 64 of a-z, 0-9 and -"),
        argumentSet("duplicate source id", ONE_SOURCE + """
              - id: vov
                title: VOV 2
                url: https://vov.vn/rss/kinh-te.rss
            """, "feeds.yml:6 sources[1].id: duplicate id 'vov'; first at line 3"),
        argumentSet("source title missing", "version: 1\nsources:\n  - id: vov\n"
                + "    url: https://vov.vn/rss/home.rss\n",
            "feeds.yml:3 sources[0].title: required"),
        argumentSet("source title blank", ONE_SOURCE.replace("title: VOV", "title: \" \""),
            "feeds.yml:4 sources[0].title: must not be blank"),
        argumentSet("source title a list", ONE_SOURCE.replace("title: VOV", "title: [VOV]"),
            "feeds.yml:4 sources[0].title: expected text, got a list"),
        argumentSet("source url missing", "version: 1\nsources:\n  - id: vov\n    title: VOV\n",
            "feeds.yml:3 sources[0].url: required"),
        argumentSet("source url ftp", ONE_SOURCE.replace("https://", "ftp://"),
            "feeds.yml:5 sources[0].url: not an http(s) URL"),
        argumentSet("source url relative", ONE_SOURCE.replace("https://vov.vn", ""),
            "feeds.yml:5 sources[0].url: not an http(s) URL"),
        argumentSet("source url without host", ONE_SOURCE.replace("https://vov.vn", "https://"),
            "feeds.yml:5 sources[0].url: not an http(s) URL"),
        argumentSet("source url with a space", ONE_SOURCE.replace("chinh-tri", "chinh tri"),
            "feeds.yml:5 sources[0].url: not an http(s) URL"),
        argumentSet("source tags not a list", ONE_SOURCE + "    tags: party\n",
            "feeds.yml:6 sources[0].tags: expected a list, got the text \"party\""),
        argumentSet("source tag a mapping", ONE_SOURCE + "    tags: [party, {a: b}]\n",
            "feeds.yml:6 sources[0].tags[1]: expected text, got a mapping"),
        argumentSet("source tag blank", ONE_SOURCE + "    tags: [\"\"]\n",
            "feeds.yml:6 sources[0].tags[0]: must not be blank"),
        argumentSet("source interval under 1m", ONE_SOURCE + "    interval: 59s\n",
            "feeds.yml:6 sources[0].interval: must be at least 1m"),
        argumentSet("source interval not a duration", ONE_SOURCE + "    interval: 15 minutes\n",
            "feeds.yml:6 sources[0].interval: " + Durations.EXPECTED + ": '15 minutes'"),
        argumentSet("source enabled yes", ONE_SOURCE + "    enabled: yes\n",
            "feeds.yml:6 sources[0].enabled: expected true or false, got the text \"yes\""),
        argumentSet("unknown source key", ONE_SOURCE + "    link: https://vov.vn\n",
            "feeds.yml:6 sources[0].link: unknown key; allowed: id, title, url, tags, interval,"
                + " enabled"),
        argumentSet("categories not a list", ONE_SOURCE + "categories: xay-dung-dang\n",
            "feeds.yml:6 categories: expected a list, got the text \"xay-dung-dang\""),
        argumentSet("category id all", category("id: all", "title: Tất cả", "tags: [x]"),
            "feeds.yml:7 categories[0].id: 'all' is reserved: that category always lists every"
                + " enabled source"),
        argumentSet("category id bad", category("id: Kinh_te", "title: K", "tags: [x]"),
            "feeds.yml:7 categories[0].id: must be 1 to 64 of a-z, 0-9 and -"),
        argumentSet("duplicate category id", category("id: c", "title: C", "tags: [x]",
                "- id: c", "  title: C2", "  tags: [y]"),
            "feeds.yml:10 categories[1].id: duplicate id 'c'; first at line 7"),
        argumentSet("category title missing", category("id: c", "tags: [x]"),
            "feeds.yml:7 categories[0].title: required"),
        argumentSet("category description a mapping", category("id: c", "title: C",
                "description: {a: b}", "tags: [x]"),
            "feeds.yml:9 categories[0].description: expected text, got a mapping"),
        argumentSet("category naming an unknown source", category("id: c", "title: C",
                "sources: [vov, vtv]"),
            "feeds.yml:9 categories[0].sources[1]: unknown source 'vtv'"),
        argumentSet("category without sources or tags", category("id: c", "title: C"),
            "feeds.yml:7 categories[0]: name sources or tags (or both) to take entries from"),
        argumentSet("category with empty sources and tags", category("id: c", "title: C",
                "sources: []", "tags: []"),
            "feeds.yml:7 categories[0]: name sources or tags (or both) to take entries from"),
        argumentSet("category naming only an unknown source", category("id: c", "title: C",
                "sources: [vtv]"),
            "feeds.yml:9 categories[0].sources[0]: unknown source 'vtv'"),
        argumentSet("category include blank", category("id: c", "title: C", "tags: [x]",
                "include: [Đảng, \"  \"]"),
            "feeds.yml:10 categories[0].include[1]: must not be blank"),
        argumentSet("category exclude not a list", category("id: c", "title: C", "tags: [x]",
                "exclude: quảng cáo"),
            "feeds.yml:10 categories[0].exclude: expected a list, got the text \"quảng cáo\""),
        argumentSet("category max_age under 1m", category("id: c", "title: C", "tags: [x]",
                "max_age: 10s"),
            "feeds.yml:10 categories[0].max_age: must be at least 1m"),
        argumentSet("category max_age not a duration", category("id: c", "title: C", "tags: [x]",
                "max_age: 1 month"),
            "feeds.yml:10 categories[0].max_age: " + Durations.EXPECTED + ": '1 month'"),
        argumentSet("category limit 0", category("id: c", "title: C", "tags: [x]", "limit: 0"),
            "feeds.yml:10 categories[0].limit: must be 1 to 500"),
        argumentSet("category limit 501", category("id: c", "title: C", "tags: [x]",
                "limit: 501"),
            "feeds.yml:10 categories[0].limit: must be 1 to 500"),
        argumentSet("category limit as text", category("id: c", "title: C", "tags: [x]",
                "limit: fifty"),
            "feeds.yml:10 categories[0].limit: expected an integer, got the text \"fifty\""),
        argumentSet("unknown category key", category("id: c", "title: C", "tags: [x]",
                "keywords: [Đảng]"),
            "feeds.yml:10 categories[0].keywords: unknown key; allowed: id, title, description,"
                + " sources, tags, include, exclude, max_age, limit"),
        argumentSet("duplicate top-level key", "version: 1\nsources: []\nversion: 1\n",
            "feeds.yml:3 version: duplicate key; first at line 1"),
        argumentSet("duplicate key inside a source", ONE_SOURCE
                + "    url: https://vov.vn/rss/kinh-te.rss\n",
            "feeds.yml:6 sources[0].url: duplicate key; first at line 5"),
        argumentSet("duplicate key inside a category", category("id: c", "title: C", "tags: [x]",
                "title: D"),
            "feeds.yml:10 categories[0].title: duplicate key; first at line 8"));
  }

  @ParameterizedTest
  @MethodSource("rules")
  void aBrokenRuleIsOneProblemWithFileLineAndPath(String yaml, String problem) {
    assertThat(FeedsLoadingTest.problems(yaml)).containsExactly(problem);
  }

  /**
   * {@link FeedsLoadingTest#ONE_SOURCE}, line 6 {@code categories:}, then one category from line 7: its first
   * line opens the item, later ones are its keys; a line starting "- " opens another item and
   * lines starting with two spaces continue that one.
   */
  private static String category(String... lines) {
    StringBuilder yaml = new StringBuilder(ONE_SOURCE).append("categories:\n");
    for (int i = 0; i < lines.length; i++) {
      String indent = i == 0 ? "  - "
          : lines[i].startsWith("- ") || lines[i].startsWith("  ") ? "  " : "    ";
      yaml.append(indent).append(lines[i]).append('\n');
    }
    return yaml.toString();
  }
}
