package vn.bantin.publish;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A hardened, namespace-aware DOM reader and XPath over it, for reading rendered feeds back. */
final class XmlDocs {

  private static final Map<String, String> PREFIXES = Map.of(
      "a", AtomRenderer.ATOM_NS, "atom", RssRenderer.ATOM_NS,
      "content", RssRenderer.CONTENT_NS, "dc", RssRenderer.DC_NS, "xml", XMLConstants.XML_NS_URI);

  private XmlDocs() {}

  /** Parses strictly: no DTD, no external entities; malformed XML throws. */
  static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    var builder = f.newDocumentBuilder();
    return builder.parse(new ByteArrayInputStream(xml));
  }

  /** The string value of the XPath (empty when it selects nothing). */
  static String text(Node node, String xpath) throws Exception {
    return (String) xpath().evaluate(xpath, node, XPathConstants.STRING);
  }

  static List<Node> nodes(Node node, String xpath) throws Exception {
    NodeList list = (NodeList) xpath().evaluate(xpath, node, XPathConstants.NODESET);
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      out.add(list.item(i));
    }
    return out;
  }

  static List<String> texts(Node node, String xpath) throws Exception {
    List<String> out = new ArrayList<>();
    for (Node n : nodes(node, xpath)) {
      out.add(n.getTextContent());
    }
    return out;
  }

  private static javax.xml.xpath.XPath xpath() {
    var xpath = XPathFactory.newInstance().newXPath();
    xpath.setNamespaceContext(new NamespaceContext() {
      @Override
      public String getNamespaceURI(String prefix) {
        return PREFIXES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
      }

      @Override
      public String getPrefix(String uri) {
        return null;
      }

      @Override
      public Iterator<String> getPrefixes(String uri) {
        return List.<String>of().iterator();
      }
    });
    return xpath;
  }
}
