package vn.bantin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static vn.bantin.config.FeedsYamlEditorTest.fields;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bantin.config.FeedsYamlEditor.Section;

/** Line breaks, indentation, missing and empty lists: the file's own layout is followed. */
class FeedsYamlEditorLayoutTest {
  static final Map<String, Object> CATEGORY = fields("id", "c", "title", "C", "tags", List.of("x"));
  static final Map<String, Object> SOURCE =
      fields("id", "vtv", "title", "VTV", "url", "https://vtv.vn/rss");

  /** An edit of a text. */
  interface Edit {
    String apply(String yaml) throws ConfigException;
  }

  @BeforeAll
  static void readFixture() throws Exception {
    FeedsYamlEditorTest.readFixture();
  }

  static Stream<Arguments> edits() {
    return Stream.of(
        argumentSet("replace a source", (Edit) y -> FeedsYamlEditor.upsert(y, Section.SOURCES,
            fields("id", "vov-kinh-te", "title", "VOV", "url", "https://vov.vn/rss"))),
        argumentSet("add a category at the end", (Edit) y ->
            FeedsYamlEditor.upsert(y, Section.CATEGORIES, CATEGORY)),
        argumentSet("remove the last category", (Edit) y ->
            FeedsYamlEditor.remove(y, Section.CATEGORIES, "thoi-su")),
        argumentSet("remove a source", (Edit) y ->
            FeedsYamlEditor.remove(y, Section.SOURCES, "bao-lai-chau")));
  }

  @ParameterizedTest
  @MethodSource("edits")
  void aCrLfFileStaysCrLf(Edit edit) throws Exception {
    String lf = FeedsYamlEditorTest.annotated;

    String edited = edit.apply(lf.replace("\n", "\r\n"));

    assertThat(edited).isEqualTo(edit.apply(lf).replace("\n", "\r\n"));
    assertThat(edited.replace("\r\n", "")).doesNotContain("\n");
  }

  @ParameterizedTest
  @MethodSource("edits")
  void aFileWithoutAFinalLineBreakGetsNone(Edit edit) throws Exception {
    String lf = FeedsYamlEditorTest.annotated;

    String edited = edit.apply(lf.substring(0, lf.length() - 1));

    String expected = edit.apply(lf);
    assertThat(edited).isEqualTo(expected.substring(0, expected.length() - 1));
    ConfigLoader.parseFeeds("feeds.yml", edited);
  }

  @ParameterizedTest
  @MethodSource("missingOrEmpty")
  void theFirstItemOfAMissingOrEmptyListIsWrittenAsABlockList(String yaml, String expected)
      throws Exception {
    assertThat(FeedsYamlEditor.upsert(yaml, Section.CATEGORIES, CATEGORY)).isEqualTo(expected);
  }

  static Stream<Arguments> missingOrEmpty() {
    String item = "  - id: c\n    title: C\n    tags: [x]\n";
    return Stream.of(
        argumentSet("missing", "version: 1\n", "version: 1\n\ncategories:\n" + item),
        argumentSet("missing, after comments", "version: 1\n# end\n\n",
            "version: 1\n# end\n\ncategories:\n" + item),
        argumentSet("missing, no final line break", "version: 1",
            "version: 1\n\ncategories:\n" + item.substring(0, item.length() - 1)),
        argumentSet("missing in a file of comments", "# feeds\n",
            "# feeds\n\ncategories:\n" + item),
        argumentSet("missing in an empty file", "", "categories:\n" + item),
        argumentSet("empty list with a comment", "categories: []  # none yet\nversion: 1\n",
            "categories: # none yet\n" + item + "version: 1\n"),
        argumentSet("nothing after the key", "version: 1\ncategories:\n",
            "version: 1\ncategories:\n" + item),
        argumentSet("a null", "categories: ~\nversion: 1\n",
            "categories:\n" + item + "version: 1\n"),
        argumentSet("indented like the other list",
            "sources:\n    -   id: s\n        title: S\ncategories: []\n",
            "sources:\n    -   id: s\n        title: S\ncategories:\n"
                + "    -   id: c\n        title: C\n        tags: [x]\n"));
  }

  @ParameterizedTest
  @MethodSource("indentations")
  void aNewItemIsIndentedLikeTheItemsOfItsList(String yaml, String expected) throws Exception {
    assertThat(FeedsYamlEditor.upsert(yaml, Section.SOURCES, SOURCE)).isEqualTo(expected);
  }

  static Stream<Arguments> indentations() {
    return Stream.of(
        argumentSet("items at column 0", "sources:\n- id: a\n  title: A\nversion: 1\n",
            "sources:\n- id: a\n  title: A\n- id: vtv\n  title: VTV\n  url: https://vtv.vn/rss\n"
                + "version: 1\n"),
        argumentSet("items four in, keys three after the dash",
            "sources:\n    -   id: a\n\n# end\n",
            "sources:\n    -   id: a\n    -   id: vtv\n        title: VTV\n"
                + "        url: https://vtv.vn/rss\n\n# end\n"),
        argumentSet("a dash alone, its keys below", "sources:\n  -\n    id: a\n",
            "sources:\n  -\n    id: a\n  - id: vtv\n    title: VTV\n    url: https://vtv.vn/rss\n"),
        argumentSet("a root indented two spaces", "  version: 1\n",
            "  version: 1\n\n  sources:\n    - id: vtv\n      title: VTV\n"
                + "      url: https://vtv.vn/rss\n"));
  }

  @Test
  void commentsInsideAReplacedItemAreLostAndTheOnesAroundItStay() throws Exception {
    String yaml = """
        sources:
          # about a
          - id: a
            # the old title
            title: A
            url: https://a.vn/rss
            # interval: 5m
          # about b
          - id: b
        """;

    assertThat(FeedsYamlEditor.upsert(yaml, Section.SOURCES,
        fields("id", "a", "title", "A2", "url", "https://a.vn/rss")))
        .isEqualTo("""
            sources:
              # about a
              - id: a
                title: A2
                url: https://a.vn/rss
              # about b
              - id: b
            """);
    assertThat(FeedsYamlEditor.remove(yaml, Section.SOURCES, "a")).isEqualTo("""
        sources:
          # about b
          - id: b
        """);
  }

  @Test
  void anUnknownKeyIsWrittenForTheValidationToReport() throws Exception {
    String edited = FeedsYamlEditor.upsert(FeedsYamlEditorQuotingTest.FILE, Section.SOURCES,
        fields("id", "vtv", "title", "VTV", "url", "https://vtv.vn/rss", "colour", "đỏ"));

    assertThat(edited).endsWith("    url: https://vtv.vn/rss\n    colour: đỏ\n");
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> ConfigLoader.parseFeeds("feeds.yml", edited));
    assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(
        "feeds.yml:9 sources[1].colour: unknown key; allowed: id, title, url, tags, interval,"
            + " enabled");
  }

  @Test
  void aByteOrderMarkStays() throws Exception {
    assertThat(FeedsYamlEditor.remove("\uFEFFsources:\n  - id: a\n", Section.SOURCES, "a"))
        .isEqualTo("\uFEFFsources: []\n");
  }
}
