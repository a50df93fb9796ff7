package vn.bantin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static vn.bantin.config.FeedsYamlEditorTest.fields;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bantin.config.FeedsYamlEditor.Section;

/** Strings are written plain when that reads back as the same text, else double-quoted. */
class FeedsYamlEditorQuotingTest {
  static final String FILE = """
      version: 1
      sources:
        - id: vov
          title: VOV
          url: https://vov.vn/rss/chinh-tri.rss
      """;

  @ParameterizedTest
  @MethodSource("blockValues")
  void aTextValueIsWrittenSoThatItReadsBackUnchanged(String text, String written)
      throws Exception {
    String edited = FeedsYamlEditor.upsert(FILE, Section.CATEGORIES, fields(
        "id", "c", "title", "C", "description", text, "tags", List.of("x")));

    assertThat(edited).contains("\n    description: " + written + "\n");
    assertThat(ConfigLoader.parseFeeds("feeds.yml", edited).categories().get(0).description())
        .isEqualTo(text);
  }

  static Stream<Arguments> blockValues() {
    return Stream.of(
        argumentSet("Vietnamese text stays plain", "Đảng Cộng sản Việt Nam – Tin mới",
            "Đảng Cộng sản Việt Nam – Tin mới"),
        argumentSet("a comma stays plain outside a list", "Sơn La, Điện Biên",
            "Sơn La, Điện Biên"),
        argumentSet("a URL's colon stays plain", "https://vov.vn/rss", "https://vov.vn/rss"),
        argumentSet("a hash inside a word stays plain", "C# và Java", "C# và Java"),
        argumentSet("a quote inside stays plain", "Nói \"không\"", "Nói \"không\""),
        argumentSet("a duration stays plain", "10m", "10m"),
        argumentSet("colon and space", "VOV: Chính trị", "\"VOV: Chính trị\""),
        argumentSet("colon at the end", "Ghi chú:", "\"Ghi chú:\""),
        argumentSet("space and hash", "Tin #1", "\"Tin #1\""),
        argumentSet("leading hash", "#1 Việt Nam", "\"#1 Việt Nam\""),
        argumentSet("leading dash", "- Tin mới", "\"- Tin mới\""),
        argumentSet("leading dash of a number", "-5", "\"-5\""),
        argumentSet("leading bracket", "[Video] Tin", "\"[Video] Tin\""),
        argumentSet("leading star", "*mới*", "\"*mới*\""),
        argumentSet("leading ampersand", "&amp", "\"&amp\""),
        argumentSet("leading bang", "!quan trọng", "\"!quan trọng\""),
        argumentSet("leading at", "@vov", "\"@vov\""),
        argumentSet("leading percent", "%20", "\"%20\""),
        argumentSet("leading pipe", "| Tin", "\"| Tin\""),
        argumentSet("leading single quote", "'Tin'", "\"'Tin'\""),
        argumentSet("leading double quote", "\"Tin\"", "\"\\\"Tin\\\"\""),
        argumentSet("yes", "yes", "\"yes\""),
        argumentSet("No", "No", "\"No\""),
        argumentSet("on", "on", "\"on\""),
        argumentSet("TRUE", "TRUE", "\"TRUE\""),
        argumentSet("null", "null", "\"null\""),
        argumentSet("tilde", "~", "\"~\""),
        argumentSet("123", "123", "\"123\""),
        argumentSet("a decimal", "1.5", "\"1.5\""),
        argumentSet("an exponent", "1e3", "\"1e3\""),
        argumentSet("hexadecimal", "0x1F", "\"0x1F\""),
        argumentSet("base 60 of YAML 1.1", "1:30", "\"1:30\""),
        argumentSet("a date", "2024-01-01", "\"2024-01-01\""),
        argumentSet("empty", "", "\"\""),
        argumentSet("leading space", " Tin", "\" Tin\""),
        argumentSet("trailing space", "Tin ", "\"Tin \""),
        argumentSet("a line break", "Dòng 1\nDòng 2", "\"Dòng 1\\nDòng 2\""),
        argumentSet("a tab", "a\tb", "\"a\\tb\""),
        argumentSet("a control character", "a\u0001b", "\"a\\u0001b\""),
        argumentSet("a line separator", "a\u2028b", "\"a\\u2028b\""),
        argumentSet("a backslash in quotes", "C: \\tmp", "\"C: \\\\tmp\""));
  }

  @ParameterizedTest
  @MethodSource("listItems")
  void aListItemIsWrittenSoThatItReadsBackUnchanged(String text, String written)
      throws Exception {
    String edited = FeedsYamlEditor.upsert(FILE, Section.CATEGORIES, fields(
        "id", "c", "title", "C", "tags", List.of("x"), "include", List.of("a", text)));

    assertThat(edited).contains("\n    include: [a, " + written + "]\n");
    assertThat(ConfigLoader.parseFeeds("feeds.yml", edited).categories().get(0).include())
        .containsExactly("a", text);
  }

  static Stream<Arguments> listItems() {
    return Stream.of(
        argumentSet("Vietnamese text stays plain", "chi bộ", "chi bộ"),
        argumentSet("a comma", "Sơn La, Điện Biên", "\"Sơn La, Điện Biên\""),
        argumentSet("a comma without a space", "a,b", "\"a,b\""),
        argumentSet("a closing bracket", "a]", "\"a]\""),
        argumentSet("braces", "a{b}", "\"a{b}\""),
        argumentSet("colon and space", "Lưu ý: Đảng", "\"Lưu ý: Đảng\""),
        argumentSet("no", "no", "\"no\""),
        argumentSet("a number", "2024", "\"2024\""));
  }
}
