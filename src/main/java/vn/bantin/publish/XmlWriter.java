package vn.bantin.publish;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A StAX writer for one document in memory: UTF-8 with an XML declaration, two-space indentation,
 * every text and attribute escaped by StAX and passed through {@link CharFilter#xmlSafe} first.
 * Not thread-safe; make one per document.
 */
final class XmlWriter {

  private enum Last { START, TEXT, END }

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
  private final XMLStreamWriter xml;
  private int depth;
  private Last last = Last.END;

  XmlWriter() {
    try {
      // A fresh default factory per document: StAX factories are not specified as thread-safe,
      // and newDefaultFactory() skips the service lookup, so this is cheap.
      xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  XmlWriter start(String name) {
    indent();
    run(() -> xml.writeStartElement(name));
    return opened();
  }

  XmlWriter start(String prefix, String namespace, String name) {
    indent();
    run(() -> xml.writeStartElement(prefix, name, namespace));
    return opened();
  }

  /** An element without content; attributes may follow. */
  XmlWriter empty(String name) {
    indent();
    run(() -> xml.writeEmptyElement(name));
    last = Last.END;
    return this;
  }

  XmlWriter empty(String prefix, String namespace, String name) {
    indent();
    run(() -> xml.writeEmptyElement(prefix, name, namespace));
    last = Last.END;
    return this;
  }

  XmlWriter namespace(String prefix, String uri) {
    run(() -> xml.writeNamespace(prefix, uri));
    return this;
  }

  XmlWriter defaultNamespace(String uri) {
    run(() -> xml.writeDefaultNamespace(uri));
    return this;
  }

  XmlWriter attr(String name, String value) {
    run(() -> xml.writeAttribute(name, CharFilter.xmlSafe(value)));
    return this;
  }

  XmlWriter xmlLang(String language) {
    run(() -> xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", language));
    return this;
  }

  /** Escaped character data; never CDATA, so a {@code "]]>"} in the text needs no special case. */
  XmlWriter text(String text) {
    run(() -> xml.writeCharacters(CharFilter.xmlSafe(text)));
    last = Last.TEXT;
    return this;
  }

  XmlWriter end() {
    depth--;
    if (last == Last.END) {
      indent(); // the element held child elements: its end tag gets a line of its own
    }
    run(xml::writeEndElement);
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
    run(xml::writeEndDocument);
    run(xml::close);
    bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
    return bytes.toByteArray();
  }

  private XmlWriter opened() {
    depth++;
    last = Last.START;
    return this;
  }

  // Whitespace between elements only, never inside text: RSS, Atom and OPML ignore it there.
  private void indent() {
    run(() -> xml.writeCharacters("\n" + "  ".repeat(depth)));
  }

  private interface XmlAction {
    void run() throws XMLStreamException;
  }

  // Writing to memory cannot fail for I/O reasons; a StAX error here is a programming bug.
  private static void run(XmlAction action) {
    try {
      action.run();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }
}
