package vn.bantin.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class XmlBytesTest {

  static Stream<Arguments> texts() {
    return Stream.of(
        Arguments.of("ascii", "Hello, world 123 = ok", "Hello, world 123 = ok"),
        Arguments.of("markup characters", "a & b < c > d", "a &amp; b &lt; c &gt; d"),
        Arguments.of("quotes stay in text", "\"x\" 'y'", "\"x\" 'y'"),
        Arguments.of("Vietnamese, 2- and 3-byte UTF-8", "Xây dựng Đảng ệ", "Xây dựng Đảng ệ"),
        Arguments.of("boundaries of 1, 2 and 3 bytes", "\u007F\u0080\u07FF\u0800\uFFFD",
            "\u007F\u0080\u07FF\u0800\uFFFD"),
        Arguments.of("surrogate pair, 4 bytes", "a\uD83D\uDE00b", "a\uD83D\uDE00b"),
        Arguments.of("tab, LF and CR are XML characters", "a\tb\nc\rd", "a\tb\nc\rd"),
        Arguments.of("other C0 controls dropped", "a\u0000b\u0001c\u001Fd", "abcd"),
        Arguments.of("U+FFFE and U+FFFF dropped", "a\uFFFEb\uFFFFc", "abc"),
        Arguments.of("lone high surrogate dropped", "a\uD800b", "ab"),
        Arguments.of("lone low surrogate dropped", "a\uDC00b", "ab"),
        Arguments.of("high surrogate at the end dropped", "ab\uD83D", "ab"),
        Arguments.of("CDATA terminator is escaped text", "]]>", "]]&gt;"),
        Arguments.of("empty", "", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  void textIsEscapedAndEncoded(String name, String text, String expected) {
    assertThat(written(text, false)).isEqualTo(expected);
  }

  @Test
  void attributesAlsoEscapeDoubleQuotes() {
    assertThat(written("a\"b'c&<>", true)).isEqualTo("a&quot;b'c&amp;&lt;&gt;");
  }

  @Test
  void nullWritesNothing() {
    assertThat(written(null, false)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  void sameAsStaxAfterTheCharFilter(String name, String text, String ignored) throws Exception {
    // The writer's output before it was hand-written: StAX escaping CharFilter.xmlSafe's result.
    StringWriter stax = new StringWriter();
    XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(stax);
    xml.writeStartElement("e");
    xml.writeAttribute("a", CharFilter.xmlSafe(text));
    xml.writeCharacters(CharFilter.xmlSafe(text));
    xml.writeEndElement();
    xml.close();
    String ours = "<e a=\"" + written(text, true) + "\">" + written(text, false) + "</e>";
    assertThat(ours).isEqualTo(stax.toString());
  }

  @Test
  void growsPastItsInitialCapacity() {
    String text = "Tin công tác xây dựng Đảng & nhân dân. ".repeat(1_000);
    XmlBytes out = new XmlBytes(16);
    out.ascii("<x>");
    out.escaped(text, false);
    out.newline(3);
    String written = new String(out.toByteArray(), StandardCharsets.UTF_8);
    assertThat(written).isEqualTo("<x>" + text.replace("&", "&amp;") + "\n      ");
  }

  private static String written(String text, boolean attribute) {
    XmlBytes out = new XmlBytes(4);
    out.escaped(text, attribute);
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }
}
