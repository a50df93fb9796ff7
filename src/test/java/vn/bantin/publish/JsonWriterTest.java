package vn.bantin.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonWriterTest {

  static Stream<Arguments> strings() {
    return Stream.of(
        Arguments.of("ascii", "Hello / world", "\"Hello / world\""),
        Arguments.of("quote and backslash", "a\"b\\c", "\"a\\\"b\\\\c\""),
        Arguments.of("markup as unicode escapes", "<b>&</b>",
            "\"\\u003Cb\\u003E\\u0026\\u003C/b\\u003E\""),
        Arguments.of("tab, LF, CR short escapes", "a\tb\nc\rd", "\"a\\tb\\nc\\rd\""),
        Arguments.of("other C0 controls dropped", "a\u0000b\u0008c\u000Cd\u001F", "\"abcd\""),
        Arguments.of("Vietnamese as UTF-8", "Xây dựng Đảng", "\"Xây dựng Đảng\""),
        Arguments.of("DEL and U+FFFD as they are", "\u007F\uFFFD", "\"\u007F\uFFFD\""),
        Arguments.of("surrogate pair escaped half by half", "a\uD83D\uDE00", "\"a\\uD83D\\uDE00\""),
        Arguments.of("lone surrogates dropped", "a\uD800b\uDC00c", "\"abc\""),
        Arguments.of("U+FFFE and U+FFFF dropped", "a\uFFFEb\uFFFF", "\"ab\""),
        Arguments.of("empty", "", "\"\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strings")
  void stringsAreFilteredAndEscaped(String name, String value, String expected) {
    assertThat(written(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strings")
  void sameBytesAsJacksonWithHtmlSafeEscapes(String name, String value, String ignored)
      throws Exception {
    // What the renderer wrote before it was hand-written: Jackson's UTF-8 generator (its
    // String writer differs: it leaves surrogate pairs as they are), < > & as standard escapes,
    // after CharFilter.xmlSafe.
    assertThat(new String(JACKSON.writeValueAsBytes(CharFilter.xmlSafe(value)),
        StandardCharsets.UTF_8)).isEqualTo(written(value));
  }

  @Test
  void commasSeparateMembersAndElementsAtEveryDepth() {
    JsonWriter json = new JsonWriter(4);
    json.beginObject().field("a", "1").name("b").beginArray()
        .beginObject().endObject().beginObject().field("c", "2").field("d", "3").endObject()
        .string("e").beginArray().endArray().endArray()
        .optionalField("absent", null).optionalField("empty", "").field("f", null).endObject();
    assertThat(new String(json.finish(), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":\"1\",\"b\":[{},{\"c\":\"2\",\"d\":\"3\"},\"e\",[]],\"f\":\"\"}");
  }

  private static String written(String value) {
    return new String(new JsonWriter(4).string(value).finish(), StandardCharsets.UTF_8);
  }

  private static final ObjectMapper JACKSON = new ObjectMapper(
      new JsonFactoryBuilder().characterEscapes(new CharacterEscapes() {
        private final int[] ascii = standardAsciiEscapesForJSON();

        {
          ascii['<'] = ESCAPE_STANDARD;
          ascii['>'] = ESCAPE_STANDARD;
          ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
          return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
          return null;
        }
      }).build());
}
