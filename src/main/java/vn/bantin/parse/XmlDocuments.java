package vn.bantin.parse;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import org.jdom2.Document;
import org.jdom2.JDOMException;
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
 */
final class XmlDocuments {

  private XmlDocuments() {}

  /**
   * The document, or a failure coded XML_MALFORMED, DOCTYPE_FORBIDDEN, TOO_DEEP or
   * BODY_TOO_LARGE (more nodes than {@link BoundedTreeHandler#MAX_NODES}).
   */
  static Document parse(String text, int maxDepth) throws FeedParseException {
    try {
      return builder(maxDepth).build(new StringReader(text));
    } catch (JDOMException e) {
      throw classify(e, maxDepth);
    } catch (IOException e) {
      // Only a refused entity can get here: the input is an in-memory string.
      throw Failures.of(FailureCode.XML_MALFORMED, "unreadable XML: " + e.getMessage());
    }
  }

  private static SAXBuilder builder(int maxDepth) {
    // A SAXBuilder is not thread-safe; a fresh one per document is cheap next to the parse.
    SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
    builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
    builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    builder.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    builder.setExpandEntities(false);
    builder.setEntityResolver(XmlDocuments::refuseEntity);
    builder.setSAXHandlerFactory(factory -> new BoundedTreeHandler(factory, maxDepth));
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
