package vn.bantin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** feeds.yml: reading every key, the defaults, and reporting all problems of a file. */
class FeedsLoadingTest {
  static final Path RESOURCES = Path.of("src/test/resources/config");

  /** Lines 1-5: a valid file with one source; cases append lines from 6 on. */
  static final String ONE_SOURCE = """
      version: 1
      sources:
        - id: vov
          title: VOV
          url: https://vov.vn/rss/chinh-tri.rss
      """;

  @Test
  void everyKeyIsRead() throws Exception {
    FeedsConfig feeds = ConfigLoader.loadFeeds(RESOURCES.resolve("feeds_every_field.yml"));

    assertThat(feeds).isEqualTo(new FeedsConfig(Duration.ofMinutes(20),
        List.of(
            new SourceConfig("vov-chinh-tri", "VOV – Chính trị", "https://vov.vn/rss/chinh-tri.rss",
                List.of("party", "national"), Duration.ofMinutes(10), true),
            new SourceConfig("bao-lai-chau", "Báo Lai Châu", "http://baolaichau.vn/rss/home.rss",
                List.of(), Duration.ofMinutes(20), false)),
        List.of(
            new CategoryConfig("xay-dung-dang", "Xây dựng Đảng", "Tin công tác xây dựng Đảng",
                List.of("vov-chinh-tri"), List.of("party"), List.of("Đảng", "chi bộ"),
                List.of("quảng cáo"), Duration.ofDays(30), 500),
            new CategoryConfig("lai-chau", "Lai Châu", "", List.of("bao-lai-chau"), List.of(),
                List.of(), List.of(), null, 50))));
  }

  @Test
  void optionalKeysTakeTheirDefaults() throws Exception {
    FeedsConfig feeds = ConfigLoader.parseFeeds("feeds.yml", ONE_SOURCE + """
        categories:
          - id: c
            title: C
            tags: [x]
        """);

    assertThat(feeds.defaultInterval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(feeds.sources()).containsExactly(new SourceConfig("vov", "VOV",
        "https://vov.vn/rss/chinh-tri.rss", List.of(), Duration.ofMinutes(15), true));
    assertThat(feeds.categories()).containsExactly(new CategoryConfig("c", "C", "", List.of(),
        List.of("x"), List.of(), List.of(), null, 50));
  }

  @Test
  void theIntervalOfBantinYmlAppliesWhenFeedsYmlSetsNone() throws Exception {
    FeedsConfig feeds = ConfigLoader.parseFeeds("feeds.yml", ONE_SOURCE, Duration.ofMinutes(5));

    assertThat(feeds.defaultInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(feeds.sources().get(0).interval()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aFileWithOnlyTheVersionHasNoSourcesAndNoCategories() throws Exception {
    assertThat(ConfigLoader.parseFeeds("feeds.yml", "version: 1\n"))
        .isEqualTo(new FeedsConfig(Duration.ofMinutes(15), List.of(), List.of()));
  }

  @Test
  void yamlBooleanLikeWordsStayText() throws Exception {
    FeedsConfig feeds = ConfigLoader.parseFeeds("feeds.yml", ONE_SOURCE + "    tags: [no, on]\n");

    assertThat(feeds.sources().get(0).tags()).containsExactly("no", "on");
  }

  @Test
  void everyProblemOfTheFileIsReportedInLineOrder() {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> ConfigLoader.loadFeeds(RESOURCES.resolve("feeds_many_problems.yml")));

    assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(
        "feeds_many_problems.yml:3 defaults.interval: must be at least 1m",
        "feeds_many_problems.yml:5 sources[0].id: must be 1 to 64 of a-z, 0-9 and -",
        "feeds_many_problems.yml:7 sources[0].url: not an http(s) URL",
        "feeds_many_problems.yml:11 sources[1].url: duplicate key; first at line 10",
        "feeds_many_problems.yml:12 sources[1].enabled: expected true or false, got the text"
            + " \"yes\"",
        "feeds_many_problems.yml:13 sources[2].title: required",
        "feeds_many_problems.yml:13 sources[2].id: duplicate id 'nhandan'; first at line 8",
        "feeds_many_problems.yml:15 sources[2].link: unknown key; allowed: id, title, url, tags,"
            + " interval, enabled",
        "feeds_many_problems.yml:17 categories[0].id: 'all' is reserved: that category always"
            + " lists every enabled source",
        "feeds_many_problems.yml:19 categories[0].sources[1]: unknown source 'vtv'",
        "feeds_many_problems.yml:23 categories[1].limit: must be 1 to 500",
        "feeds_many_problems.yml:24 version: duplicate key; first at line 1");
  }

  static List<String> problems(String yaml) {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> ConfigLoader.parseFeeds("feeds.yml", yaml));
    assertThat(e).as("expected a ConfigException for:\n%s", yaml).isNotNull();
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }
}
