package vn.bantin.parse;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Resolves {@code xml:base} (XML Base, W3C 2009) and relative references (RFC 3986 section 5).
 */
final class XmlBase {

  private XmlBase() {}

  /**
   * The base URI in scope at {@code element}: every {@code xml:base} from the root down resolved
   * in turn against {@code documentUrl}; {@code null} when none is in scope or none resolves.
   */
  static String inScope(Element element, String documentUrl) {
    Deque<String> bases = new ArrayDeque<>();
    for (Element e = element; e != null; e = e.getParentElement()) {
      String base = e.getAttributeValue("base", Namespace.XML_NAMESPACE);
      if (base != null) {
        bases.push(base.trim());
      }
    }
    if (bases.isEmpty()) {
      return null;
    }
    String resolved = documentUrl;
    for (String base : bases) {
      resolved = resolve(resolved, base);
      if (resolved == null) {
        return null;
      }
    }
    return resolved;
  }

  /**
   * {@code reference} resolved against {@code base}, or {@code null} when the result is not an
   * absolute URI (no usable base, or either is not a URI at all).
   */
  static String resolve(String base, String reference) {
    if (reference == null) {
      return null;
    }
    try {
      URI ref = new URI(reference.trim());
      if (ref.isAbsolute()) {
        return ref.toString();
      }
      if (base == null) {
        return null;
      }
      URI baseUri = new URI(base.trim());
      if (!baseUri.isAbsolute() || baseUri.isOpaque()) {
        return null;
      }
      // java.net.URI resolves "x" against "http://h" to "http://hx"; RFC 3986 5.2.3 says "/x".
      if (baseUri.getRawPath() == null || baseUri.getRawPath().isEmpty()) {
        baseUri = new URI(baseUri.getScheme(), baseUri.getRawAuthority(), "/", null, null);
      }
      return baseUri.resolve(ref).toString();
    } catch (Exception e) {
      // URISyntaxException, or IllegalArgumentException from an odd authority.
      return null;
    }
  }
}
