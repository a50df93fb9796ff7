package vn.bantin.parse;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.SAXHandler;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import vn.bantin.model.FailureCode;

/**
 * Parses XML text into a JDOM document with a parser that cannot be made to read anything but the
 * given text: DOCTYPE declarations are an error, external entities and DTDs are never loaded, any
 * entity resolution attempt is refused, and element depth is counted while parsing so a deeply
 * nested document is rejected early, in constant stack.
 */
final class XmlDocuments {

  private XmlDocuments() {}

  /** The document, or a failure coded XML_MALFORMED, DOCTYPE_FORBIDDEN or TOO_DEEP. */
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
    builder.setSAXHandlerFactory(factory -> new DepthLimitedHandler(factory, maxDepth));
    return builder;
  }

  private static InputSource refuseEntity(String publicId, String systemId) throws SAXException {
    throw new SAXException("external entity refused: " + systemId);
  }

  private static FeedParseException classify(JDOMException e, int maxDepth) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TooDeepException) {
        return Failures.of(FailureCode.TOO_DEEP,
            "elements nested deeper than " + maxDepth + " levels");
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

  /** Thrown from inside the SAX callbacks to stop parsing at the first element too deep. */
  static final class TooDeepException extends SAXException {
    private static final long serialVersionUID = 1L;

    TooDeepException() {
      super("too deep");
    }
  }

  /** JDOM's tree builder with an element depth counter. */
  private static final class DepthLimitedHandler extends SAXHandler {
    private final int maxDepth;
    private int depth;

    DepthLimitedHandler(org.jdom2.JDOMFactory factory, int maxDepth) {
      super(factory);
      this.maxDepth = maxDepth;
    }

    @Override
    public void startElement(String ns, String local, String qname, Attributes atts)
        throws SAXException {
      if (++depth > maxDepth) {
        throw new TooDeepException();
      }
      super.startElement(ns, local, qname, atts);
    }

    @Override
    public void endElement(String ns, String local, String qname) throws SAXException {
      depth--;
      super.endElement(ns, local, qname);
    }
  }
}
