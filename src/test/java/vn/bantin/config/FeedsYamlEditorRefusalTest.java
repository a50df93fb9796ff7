package vn.bantin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bantin.config.FeedsYamlEditor.Section;

/** Layouts the editor cannot place an item in are refused with one located problem. */
class FeedsYamlEditorRefusalTest {
  static final String FLOW_LIST = "cannot edit a flow-style list; edit the file by hand";

  @ParameterizedTest
  @MethodSource("refused")
  void anUpsertIsRefused(String yaml, String problem) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () ->
        FeedsYamlEditor.upsert(yaml, Section.SOURCES, FeedsYamlEditorLayoutTest.SOURCE));

    assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(problem);
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        argumentSet("flow-style list", "version: 1\nsources: [{id: a, title: A}]\n",
            "feeds.yml:2 sources: " + FLOW_LIST),
        argumentSet("flow-style list over lines", "sources: [\n  {id: a},\n  {id: b}]\n",
            "feeds.yml:1 sources: " + FLOW_LIST),
        argumentSet("flow-style list on the next line", "version: 1\nsources:\n  [{id: a}]\n",
            "feeds.yml:3 sources: " + FLOW_LIST),
        argumentSet("empty flow-style list over lines", "sources: [\n]\n",
            "feeds.yml:1 sources: " + FLOW_LIST),
        argumentSet("flow-style mapping at the top", "{version: 1, sources: []}\n",
            "feeds.yml:1 sources: cannot edit a flow-style mapping; edit the file by hand"),
        argumentSet("a list at the top", "# feeds\n- id: a\n", "feeds.yml:2 sources: cannot"
            + " edit a file whose top level is not key: value lines; edit the file by hand"),
        argumentSet("sources a text", "version: 1\nsources: vov\n", "feeds.yml:2 sources:"
            + " cannot edit: expected a list, got the text \"vov\"; edit the file by hand"),
        argumentSet("sources a mapping", "sources:\n  vov: {}\n", "feeds.yml:1 sources:"
            + " cannot edit: expected a list, got a mapping; edit the file by hand"),
        argumentSet("invalid YAML", "version: 1\nsources:\n  - id: [a\n",
            "feeds.yml:4 (yaml): invalid YAML: expected ',' or ']', but got <stream end>"
                + " (while parsing a flow sequence at line 3)"));
  }

  @Test
  void removingFromAFlowStyleListIsRefused() {
    String flow = "version: 1\nsources: [{id: vtv, title: A}]\n";

    ConfigException e = catchThrowableOfType(ConfigException.class, () ->
        FeedsYamlEditor.remove(flow, Section.SOURCES, "vtv"));

    assertThat(e.problems()).extracting(ConfigProblem::toString)
        .containsExactly("feeds.yml:2 sources: " + FLOW_LIST);
  }
}
