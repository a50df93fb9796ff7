package vn.bantin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bantin.config.FeedsYamlEditor.Section;

/** API edits of the shipped, annotated feeds.yml: only the edited item's lines change. */
class FeedsYamlEditorTest {
  static String annotated;
  static FeedsConfig before;

  @BeforeAll
  static void readFixture() throws Exception {
    annotated = Files.readString(Path.of("src/test/resources/config/annotated-feeds.yml"),
        StandardCharsets.UTF_8);
    before = ConfigLoader.parseFeeds("feeds.yml", annotated);
  }

  @Test
  void replacingASourceInTheMiddleRewritesOnlyItsLines() throws Exception {
    String edited = FeedsYamlEditor.upsert(annotated, Section.SOURCES, fields(
        "id", "nhandan-chinh-tri", "title", "Nhân Dân: Chính trị",
        "url", "https://nhandan.vn/rss/chinhtri-1171.rss", "tags", List.of("party"),
        "interval", null, "enabled", false));

    // Lines 26-30 of the file are the item; its replacement has four lines (interval is null).
    assertThat(lines(edited)).isEqualTo(spliced(lines(annotated), 25, 30, List.of(
        "  - id: nhandan-chinh-tri",
        "    title: \"Nhân Dân: Chính trị\"",
        "    url: https://nhandan.vn/rss/chinhtri-1171.rss",
        "    tags: [party]",
        "    enabled: false")));
    FeedsConfig after = ConfigLoader.parseFeeds("feeds.yml", edited);
    SourceConfig expected = new SourceConfig("nhandan-chinh-tri", "Nhân Dân: Chính trị",
        "https://nhandan.vn/rss/chinhtri-1171.rss", List.of("party"), Duration.ofMinutes(15),
        false);
    List<SourceConfig> sources = new ArrayList<>(before.sources());
    sources.set(2, expected);
    assertThat(after).isEqualTo(new FeedsConfig(before.defaultInterval(), sources,
        before.categories()));
  }

  @Test
  void upsertingASourceAsWrittenGivesTheSameText() throws Exception {
    String edited = FeedsYamlEditor.upsert(annotated, Section.SOURCES, fields(
        "enabled", null, "interval", "10m", "tags", List.of("party", "national"),
        "url", "https://vov.vn/rss/chinh-tri.rss", "title", "VOV – Chính trị",
        "id", "vov-chinh-tri"));

    assertThat(edited).isEqualTo(annotated);
  }

  @ParameterizedTest
  @MethodSource("everyItem")
  void upsertingAnItemWithTheFieldsItHasKeepsTheConfiguration(Section section,
      Map<String, Object> fields) throws Exception {
    String edited = FeedsYamlEditor.upsert(annotated, section, fields);

    assertThat(ConfigLoader.parseFeeds("feeds.yml", edited)).isEqualTo(before);
  }

  static Stream<Arguments> everyItem() throws Exception {
    readFixture();
    Stream<Arguments> sources = before.sources().stream().map(s -> argumentSet(s.id(),
        Section.SOURCES, fields("id", s.id(), "title", s.title(), "url", s.url(),
            "tags", s.tags(), "interval", Durations.format(s.interval()),
            "enabled", s.enabled())));
    Stream<Arguments> categories = before.categories().stream().map(c -> argumentSet(c.id(),
        Section.CATEGORIES, fields("id", c.id(), "title", c.title(),
            "description", c.description(), "sources", c.sources(), "tags", c.tags(),
            "include", c.include(), "exclude", c.exclude(),
            "max_age", c.maxAge() == null ? null : Durations.format(c.maxAge()),
            "limit", c.limit())));
    return Stream.concat(sources, categories);
  }

  @Test
  void aNewSourceGoesRightAfterTheLastSource() throws Exception {
    String edited = FeedsYamlEditor.upsert(annotated, Section.SOURCES, fields(
        "id", "bao-ha-giang", "title", "Báo Hà Giang", "url", "https://baohagiang.vn/rss",
        "tags", List.of("province", "ha-giang"), "enabled", true));

    int lastSourceEnd = lines(annotated).indexOf("categories:") - 1; // a blank line before it
    assertThat(lines(edited)).isEqualTo(spliced(lines(annotated), lastSourceEnd, lastSourceEnd,
        List.of(
            "  - id: bao-ha-giang",
            "    title: Báo Hà Giang",
            "    url: https://baohagiang.vn/rss",
            "    tags: [province, ha-giang]",
            "    enabled: true")));
    assertThat(ConfigLoader.parseFeeds("feeds.yml", edited).sources()).last()
        .isEqualTo(new SourceConfig("bao-ha-giang", "Báo Hà Giang", "https://baohagiang.vn/rss",
            List.of("province", "ha-giang"), Duration.ofMinutes(15), true));
  }

  @Test
  void aNewCategoryGoesAtTheEndOfTheFile() throws Exception {
    String edited = FeedsYamlEditor.upsert(annotated, Section.CATEGORIES, fields(
        "limit", 20, "tags", List.of("province"), "title", "Tây Bắc", "id", "tay-bac",
        "include", List.of("Lai Châu", "Sơn La, Điện Biên")));

    assertThat(edited).isEqualTo(annotated + """
          - id: tay-bac
            title: Tây Bắc
            tags: [province]
            include: [Lai Châu, "Sơn La, Điện Biên"]
            limit: 20
        """);
    assertThat(ConfigLoader.parseFeeds("feeds.yml", edited).categories()).last()
        .isEqualTo(new CategoryConfig("tay-bac", "Tây Bắc", "", List.of(), List.of("province"),
            List.of("Lai Châu", "Sơn La, Điện Biên"), List.of(), null, 20));
  }

  @ParameterizedTest
  @MethodSource("removals")
  void removingAnItemTakesItsLinesAndTheCommentsDirectlyAboveIt(Section section, String id,
      int firstLine, int lastLine) throws Exception {
    String edited = FeedsYamlEditor.remove(annotated, section, id);

    assertThat(lines(edited))
        .isEqualTo(spliced(lines(annotated), firstLine - 1, lastLine, List.of()));
    FeedsConfig after = ConfigLoader.parseFeeds("feeds.yml", edited);
    assertThat(section == Section.SOURCES ? after.source(id).isPresent()
        : after.category(id).isPresent()).isFalse();
  }

  static Stream<Arguments> removals() {
    return Stream.of(
        argumentSet("first source, with the comment over the list", Section.SOURCES,
            "vov-chinh-tri", 16, 21),
        argumentSet("source after a blank line and a comment (the blank line stays)",
            Section.SOURCES, "bao-lai-chau", 41, 45),
        argumentSet("source without a comment", Section.SOURCES, "nhandan-kinh-te", 31, 34),
        argumentSet("last category, at the end of the file", Section.CATEGORIES, "thoi-su",
            89, 94));
  }

  @Test
  void removingAnUnknownIdGivesTheSameText() throws Exception {
    assertThat(FeedsYamlEditor.remove(annotated, Section.CATEGORIES, "vov-chinh-tri"))
        .isSameAs(annotated);
  }

  @Test
  void removingEveryCategoryLeavesAnEmptyListThatIsValid() throws Exception {
    String edited = annotated;
    for (CategoryConfig c : before.categories()) {
      edited = FeedsYamlEditor.remove(edited, Section.CATEGORIES, c.id());
    }

    int categories = lines(annotated).indexOf("categories:");
    assertThat(lines(edited)).isEqualTo(spliced(lines(annotated), categories,
        lines(annotated).size() - 1, List.of("categories: []")));
    assertThat(ConfigLoader.parseFeeds("feeds.yml", edited))
        .isEqualTo(new FeedsConfig(before.defaultInterval(), before.sources(), List.of()));
  }

  /** A map of key, value pairs in order; values may be null. */
  static Map<String, Object> fields(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static List<String> lines(String text) {
    return List.of(text.split("\n", -1));
  }

  /** {@code lines} with {@code from} to {@code to} (exclusive, 0-based) replaced by others. */
  static List<String> spliced(List<String> lines, int from, int to, List<String> others) {
    List<String> out = new ArrayList<>(lines.subList(0, from));
    out.addAll(others);
    out.addAll(lines.subList(to, lines.size()));
    return out;
  }
}
