package vn.bantin.parse;

import java.util.Set;
import org.jdom2.Content;
import org.jdom2.Element;
import org.jdom2.Text;

/** Text and XML fragments turned into HTML strings. */
final class Markup {

  /** HTML void elements: written {@code <br>}, never {@code <br></br>}, which HTML reads twice. */
  private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img",
      "input", "link", "meta", "source", "track", "wbr");
  private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

  private Markup() {}

  /** Plain text as HTML, or {@code null} for {@code null}. */
  static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The children of an XHTML container as HTML. Atom 1.0 section 3.1.1.3: {@code type="xhtml"}
   * content is one {@code div} in the XHTML namespace that is not part of the content, so a lone
   * XHTML {@code div} child is unwrapped. Namespace prefixes and declarations are dropped (HTML has
   * none). Depth is bounded by the parser's depth limit, so the recursion is too.
   */
  static String innerHtml(Element container) {
    Element only = container.getChildren().size() == 1 ? container.getChildren().get(0) : null;
    Element root = only != null && only.getName().equals("div")
        && XHTML_NS.equals(only.getNamespaceURI())
        && container.getTextTrim().isEmpty() ? only : container;
    StringBuilder out = new StringBuilder();
    for (Content child : root.getContent()) {
      write(child, out);
    }
    return out.toString();
  }

  private static void write(Content node, StringBuilder out) {
    if (node instanceof Text text) {
      // CDATA extends Text: inside markup its text is character data like any other.
      out.append(escape(text.getText()));
    } else if (node instanceof Element e) {
      String name = e.getName();
      out.append('<').append(name);
      e.getAttributes().forEach(a -> out.append(' ').append(a.getName()).append("=\"")
          .append(escape(a.getValue())).append('"'));
      out.append('>');
      if (VOID.contains(name)) {
        return;
      }
      for (Content child : e.getContent()) {
        write(child, out);
      }
      out.append("</").append(name).append('>');
    }
  }
}
