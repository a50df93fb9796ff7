package vn.bantin.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.UncheckedJDOMFactory;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import vn.bantin.model.FailureCode;

/**
 * Parses XML text into a JDOM document with a parser that cannot be made to read anything but the
 * given text: DOCTYPE declarations are an error, external entities and DTDs are never loaded, any
 * entity resolution attempt is refused, and the tree is bounded while parsing (depth, items kept,
 * nodes held: see {@link BoundedTreeHandler}) so a deep or huge document costs bounded stack,
 * memory and time.
 *
 * <p>Building the parser (a JAXP lookup, Xerces' configuration and symbol table) cost about as
 * much as parsing a 100-entry feed, so each thread keeps one and reuses it for the next document
 * (JDOM's SAXBuilder reuses its XMLReader and handler; Xerces resets its state per parse, the
 * features set here stay). A builder that failed, or read a large document, is dropped rather than
 * kept, so what a hostile or huge document left in the parser's buffers does not stay with the
 * thread.
 */
final class XmlDocuments {

  /** Documents longer than this (chars or bytes) are parsed with a builder that is dropped after. */
  private static final int REUSE_LIMIT = 1 << 20;

  /** The builder kept by one thread, for one depth limit. */
  private record Cached(int maxDepth, SAXBuilder builder) {}

  private static final ThreadLocal<Cached> CACHED = new ThreadLocal<>();

  private XmlDocuments() {}

  /**
   * The document, or a failure coded XML_MALFORMED, DOCTYPE_FORBIDDEN, TOO_DEEP or
   * BODY_TOO_LARGE (more nodes than {@link BoundedTreeHandler#MAX_NODES}).
   */
  static Document parse(String text, int maxDepth) throws FeedParseException {
    return parse(new InputSource(new StringReader(text)), text.length(), maxDepth);
  }

  /** As {@link #parse(String, int)}, for UTF-8 bytes from {@code offset} to the end. */
  static Document parseUtf8(byte[] body, int offset, int maxDepth) throws FeedParseException {
    // Decoded as the text path decodes (malformed bytes become U+FFFD), in chunks as the parser
    // reads. Not the byte stream itself: given bytes and an encoding, the JDK's Xerces reads the
    // stream one byte at a time.
    Reader reader = new InputStreamReader(
        new ByteArrayInputStream(body, offset, body.length - offset), StandardCharsets.UTF_8);
    return parse(new InputSource(reader), body.length - offset, maxDepth);
  }

  private static Document parse(InputSource source, int length, int maxDepth)
      throws FeedParseException {
    Cached cached = CACHED.get();
    SAXBuilder builder = cached != null && cached.maxDepth() == maxDepth ? cached.builder()
        : builder(maxDepth);
    // Taken while in use, so a parse that fails (or re-enters on this thread) cannot reuse it.
    CACHED.remove();
    try {
      Document document = builder.build(source);
      if (length <= REUSE_LIMIT) {
        CACHED.set(new Cached(maxDepth, builder));
      }
      return document;
    } catch (JDOMException e) {
      throw classify(e, maxDepth);
    } catch (IOException e) {
      // Only a refused entity can get here: the input is in memory.
      throw Failures.of(FailureCode.XML_MALFORMED, "unreadable XML: " + e.getMessage());
    }
  }

  private static SAXBuilder builder(int maxDepth) {
    SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
    builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
    builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    builder.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    builder.setExpandEntities(false);
    builder.setEntityResolver(XmlDocuments::refuseEntity);
    builder.setSAXHandlerFactory(factory -> new BoundedTreeHandler(factory, maxDepth));
    builder.setReuseParser(true);
    // JDOM's default factory checks every name and text against the XML grammar again; the parser
    // has just done that, and refused the document otherwise.
    builder.setJDOMFactory(new UncheckedJDOMFactory());
    return builder;
  }

  private static InputSource refuseEntity(String publicId, String systemId) throws SAXException {
    throw new SAXException("external entity refused: " + systemId);
  }

  private static FeedParseException classify(JDOMException e, int maxDepth) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BoundedTreeHandler.TooDeepException) {
        return Failures.of(FailureCode.TOO_DEEP,
            "elements nested deeper than " + maxDepth + " levels");
      }
      if (t instanceof BoundedTreeHandler.TooManyNodesException) {
        return Failures.of(FailureCode.BODY_TOO_LARGE, "more than "
            + BoundedTreeHandler.MAX_NODES + " XML nodes besides the items not read");
      }
    }
    String detail = rootMessage(e);
    if (detail.contains("DOCTYPE")) {
      return Failures.of(FailureCode.DOCTYPE_FORBIDDEN, "the document declares a DOCTYPE");
    }
    if (e instanceof JDOMParseException parse && parse.getLineNumber() > 0) {
      detail = "line " + parse.getLineNumber() + ":" + parse.getColumnNumber() + ": " + detail;
    }
    return Failures.of(FailureCode.XML_MALFORMED, detail);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage();
    return message == null ? t.getClass().getSimpleName() : message;
  }
}
