package vn.bantin.publish;

import java.util.Arrays;

/**
 * A writer for one XML document in memory: UTF-8 with an XML declaration, two-space indentation,
 * every text and attribute escaped and stripped of the characters XML cannot carry ({@link
 * XmlBytes#escaped}). Names and namespace URIs are the renderers' own ASCII constants and are
 * written as they are. Not thread-safe; make one per document.
 *
 * <p>It writes bytes directly rather than through StAX: the renderers only need elements,
 * attributes and text, and a StAX writer's per-call checks and its Writer-to-bytes encoding
 * cost more than the document itself. The output is what the JDK's StAX writer gave.
 */
final class XmlWriter {

  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  private enum Last { START, TEXT, END }

  private final XmlBytes out;
  private String[] open = new String[8]; // qualified names of the open elements
  private int depth;
  private Last last = Last.END;
  private boolean tagOpen; // a start tag awaits its '>' (or "/>"): attributes may still follow
  private boolean tagEmpty;

  /** A document of about {@code expectedBytes}; the buffer grows when that was too little. */
  XmlWriter(int expectedBytes) {
    out = new XmlBytes(expectedBytes);
    out.ascii(DECLARATION);
  }

  XmlWriter() {
    this(16 * 1024);
  }

  XmlWriter start(String name) {
    indent();
    return opened(name);
  }

  XmlWriter start(String prefix, String namespace, String name) {
    indent();
    return opened(prefix + ":" + name);
  }

  /** An element without content; attributes may follow. */
  XmlWriter empty(String name) {
    indent();
    out.ascii('<').ascii(name);
    return emptyOpened();
  }

  XmlWriter empty(String prefix, String namespace, String name) {
    indent();
    out.ascii('<').ascii(prefix).ascii(':').ascii(name);
    return emptyOpened();
  }

  XmlWriter namespace(String prefix, String uri) {
    out.ascii(" xmlns:").ascii(prefix).ascii("=\"");
    out.escaped(uri, true);
    out.ascii('"');
    return this;
  }

  XmlWriter defaultNamespace(String uri) {
    out.ascii(" xmlns=\"");
    out.escaped(uri, true);
    out.ascii('"');
    return this;
  }

  XmlWriter attr(String name, String value) {
    out.ascii(' ').ascii(name).ascii("=\"");
    out.escaped(value, true);
    out.ascii('"');
    return this;
  }

  XmlWriter xmlLang(String language) {
    return attr("xml:lang", language);
  }

  /** Escaped character data; never CDATA, so a {@code "]]>"} in the text needs no special case. */
  XmlWriter text(String text) {
    closeTag();
    out.escaped(text, false);
    last = Last.TEXT;
    return this;
  }

  XmlWriter end() {
    depth--;
    if (last == Last.END) {
      indent(); // the element held child elements: its end tag gets a line of its own
    }
    closeTag();
    out.ascii("</").ascii(open[depth]).ascii('>');
    last = Last.END;
    return this;
  }

  /** {@code <name>text</name>}. */
  XmlWriter element(String name, String text) {
    return start(name).text(text).end();
  }

  XmlWriter element(String prefix, String namespace, String name, String text) {
    return start(prefix, namespace, name).text(text).end();
  }

  /** Closes what is open and returns the document's UTF-8 bytes. */
  byte[] finish() {
    closeTag();
    while (depth > 0) {
      out.ascii("</").ascii(open[--depth]).ascii('>');
    }
    out.ascii('\n');
    return out.toByteArray();
  }

  private XmlWriter opened(String qualifiedName) {
    out.ascii('<').ascii(qualifiedName);
    if (depth == open.length) {
      open = Arrays.copyOf(open, depth * 2);
    }
    open[depth++] = qualifiedName;
    tagOpen = true;
    tagEmpty = false;
    last = Last.START;
    return this;
  }

  private XmlWriter emptyOpened() {
    tagOpen = true;
    tagEmpty = true;
    last = Last.END;
    return this;
  }

  // A start tag is complete once something follows it: content, a child or its end.
  private void closeTag() {
    if (tagOpen) {
      out.ascii(tagEmpty ? "/>" : ">");
      tagOpen = false;
    }
  }

  // Whitespace between elements only, never inside text: RSS, Atom and OPML ignore it there.
  private void indent() {
    closeTag();
    out.newline(depth);
  }
}
