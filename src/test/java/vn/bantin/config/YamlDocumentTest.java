package vn.bantin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What is wrong with a file as a whole: empty, not YAML, not a mapping, too big, unsafe. */
class YamlDocumentTest {

  static Stream<Arguments> emptyFiles() {
    return Stream.of(
        argumentSet("nothing", ""),
        argumentSet("blank lines", "\n\n  \n"),
        argumentSet("only comments", "# feeds\n# none yet\n"),
        argumentSet("a document marker", "---\n"));
  }

  @ParameterizedTest
  @MethodSource("emptyFiles")
  void anEmptyFeedsFileIsAProblemNotACrash(String yaml) {
    assertThat(FeedsLoadingTest.problems(yaml)).containsExactly(
        "feeds.yml:0 version: required (the file is empty; start it with version: 1)");
  }

  static Stream<Arguments> notMappings() {
    return Stream.of(
        argumentSet("a list", "- version: 1\n",
            "feeds.yml:1 (root): expected a mapping (key: value lines), got a list"),
        argumentSet("a text", "hello\n",
            "feeds.yml:1 (root): expected a mapping (key: value lines), got the text \"hello\""),
        argumentSet("a number", "1\n",
            "feeds.yml:1 (root): expected a mapping (key: value lines), got the number 1"));
  }

  @ParameterizedTest
  @MethodSource("notMappings")
  void aRootThatIsNotAMappingIsOneProblem(String yaml, String problem) {
    assertThat(FeedsLoadingTest.problems(yaml)).containsExactly(problem);
  }

  static Stream<Arguments> syntaxErrors() {
    return Stream.of(
        argumentSet("unclosed flow list", """
            version: 1
            sources:
              - id: a
                title: [unclosed
              - id: b
            """, 5),
        argumentSet("bad indentation", """
            version: 1
            sources:
              - id: a
               title: A
            """, 4),
        argumentSet("tab indentation", "version: 1\nsources:\n\t- id: a\n", 3),
        argumentSet("unclosed quote", "version: 1\ntitle: \"abc\n", 3),
        argumentSet("two values on one key", "version: 1 2: 3\n", 1));
  }

  @ParameterizedTest
  @MethodSource("syntaxErrors")
  void aYamlSyntaxErrorIsOneProblemAtItsLine(String yaml, int line) {
    assertThat(FeedsLoadingTest.problems(yaml)).singleElement().asString()
        .startsWith("feeds.yml:" + line + " (yaml): invalid YAML: ");
  }

  @Test
  void aSyntaxErrorSaysWhatIsWrong() {
    assertThat(FeedsLoadingTest.problems("version: 1\nsources: [a, b\n")).containsExactly(
        "feeds.yml:3 (yaml): invalid YAML: expected ',' or ']', but got <stream end>"
            + " (while parsing a flow sequence at line 2)");
  }

  @Test
  void aliasesAreRefusedWhereverTheyStand() {
    String yaml = """
        version: 1
        sources:
          - &vov
            id: vov
            title: VOV
            url: https://vov.vn/rss/home.rss
          - *vov
          - id: vov2
            title: *title
            url: https://vov.vn/rss/kinh-te.rss
        """;

    assertThat(FeedsLoadingTest.problems(yaml)).containsExactly(
        "feeds.yml:7 sources[1]: YAML aliases (*vov) are not supported; write the value out",
        "feeds.yml:9 sources[2].title: YAML aliases (*title) are not supported; write the value"
            + " out");
  }

  @Test
  void anAliasInPlaceOfARequiredValueIsOneProblem() {
    assertThat(FeedsLoadingTest.problems("version: *v\n")).containsExactly(
        "feeds.yml:1 version: YAML aliases (*v) are not supported; write the value out");
  }

  @Test
  void aBillionLaughsFileIsRefusedWithoutExpandingIt() {
    StringBuilder yaml = new StringBuilder("version: 1\nlol0: &a0 [lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 30; i++) {
      String prev = "*a" + (i - 1);
      yaml.append("lol").append(i).append(": &a").append(i).append(" [")
          .append(String.join(", ", prev, prev, prev, prev, prev, prev, prev, prev, prev))
          .append("]\n");
    }

    List<String> problems = FeedsLoadingTest.problems(yaml.toString());

    assertThat(problems).contains("feeds.yml:3 lol1[0]: YAML aliases (*a0) are not supported;"
        + " write the value out");
    assertThat(problems).hasSize(29 * 9 + 30); // every alias, and every unknown lolN key
  }

  @Test
  void moreThanOneDocumentIsAProblem() {
    assertThat(FeedsLoadingTest.problems("version: 1\n---\nversion: 1\n")).containsExactly(
        "feeds.yml:3 (yaml): more than one YAML document (---); write one");
  }

  @Test
  void deepNestingIsAProblemNotAStackOverflow() {
    String yaml = "version: 1\nsources: " + "[".repeat(100) + "]".repeat(100) + "\n";

    assertThat(FeedsLoadingTest.problems(yaml)).containsExactly(
        "feeds.yml:2 (yaml): nested deeper than 64 levels");
  }

  @Test
  void aLeadingByteOrderMarkIsAccepted() throws Exception {
    assertThat(ConfigLoader.parseFeeds("feeds.yml", "\uFEFFversion: 1\n").sources()).isEmpty();
  }

  @Test
  void textOverOneMebibyteIsRefusedUnread() {
    String yaml = "version: 1\n# " + "x".repeat(1 << 20) + "\n";

    assertThat(FeedsLoadingTest.problems(yaml)).containsExactly(
        "feeds.yml:0 (file): larger than 1048576 bytes");
  }

  @Test
  void aFileOverOneMebibyteIsRefusedUnread(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big-feeds.yml");
    Files.writeString(big, "version: 1\n# " + "x".repeat(1 << 20) + "\n");

    assertThat(loadProblems(big)).containsExactly(
        "big-feeds.yml:0 (file): larger than 1048576 bytes");
  }

  @Test
  void aFileThatIsNotUtf8IsAProblem(@TempDir Path dir) throws Exception {
    Path latin1 = dir.resolve("latin1.yml");
    Files.write(latin1, new byte[] {'v', 'e', 'r', 's', 'i', 'o', 'n', ':', ' ', (byte) 0xC3,
        '(', '\n'});

    assertThat(loadProblems(latin1)).containsExactly("latin1.yml:0 (file): not valid UTF-8");
  }

  @Test
  void problemsNameTheFileWithoutItsDirectory(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("my-feeds.yml");
    Files.writeString(file, "version: 2\n");

    assertThat(loadProblems(file)).containsExactly(
        "my-feeds.yml:1 version: must be 1, got the number 2");
  }

  @Test
  void aMissingFileIsAProblem(@TempDir Path dir) {
    assertThat(loadProblems(dir.resolve("absent.yml"))).singleElement().asString()
        .startsWith("absent.yml:0 (file): not found: ");
  }

  private static List<String> loadProblems(Path file) {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> ConfigLoader.loadFeeds(file));
    assertThat(e).isNotNull();
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }
}
