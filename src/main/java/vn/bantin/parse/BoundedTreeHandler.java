package vn.bantin.parse;

import java.util.ArrayDeque;
import org.jdom2.Content;
import org.jdom2.Element;
import org.jdom2.JDOMFactory;
import org.jdom2.input.sax.SAXHandler;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/**
 * JDOM's tree builder with bounds checked while parsing, so that no document can cost more than a
 * bounded amount of memory and time, whatever it holds within the body caps (a 30 MB body of tiny
 * items is about a million elements: gigabytes as a tree, minutes of Rome's date parsing).
 *
 * <ul>
 *   <li>Element depth: at most {@code maxDepth}.
 *   <li>Feed items (RSS {@code item}, Atom {@code entry}, as children of the root or of its
 *       child): only the first and the last {@link #ITEMS_AT_EACH_END} are kept. Feeds list their
 *       items newest first or, rarely, oldest first, so the newest are among those; the ones in
 *       between are dropped as they close and never reach Rome.
 *   <li>Nodes held (elements, text runs, comments, processing instructions): at most
 *       {@link #MAX_NODES}.
 * </ul>
 *
 * Confined to the parsing thread. A reused {@code SAXBuilder} keeps its handler and resets it
 * between documents ({@link #resetSubCLass}), so every bound counts from zero for each document.
 */
final class BoundedTreeHandler extends SAXHandler {

  /** Items kept from the start of the document, and as many from its end. */
  static final int ITEMS_AT_EACH_END = 2_500;
  /** Nodes the tree may hold at once: about 30 MB of JDOM at the most. */
  static final int MAX_NODES = 250_000;

  /** Refuses a document nested deeper than allowed. */
  static final class TooDeepException extends SAXException {
    private static final long serialVersionUID = 1L;

    TooDeepException() {
      super("too deep");
    }
  }

  /** Refuses a document with more nodes than it may hold. */
  static final class TooManyNodesException extends SAXException {
    private static final long serialVersionUID = 1L;

    TooManyNodesException() {
      super("too many nodes");
    }
  }

  /** A dropped-or-kept item from the end part and the nodes it holds. */
  private record Tail(Element parent, Element item, long nodes) {}

  private final int maxDepth;
  private final ArrayDeque<Tail> tail = new ArrayDeque<>();
  private int depth;
  private long held;
  private boolean inText;
  private int items;
  private long heldAtItemStart;
  private boolean expandEntities = true;

  BoundedTreeHandler(JDOMFactory factory, int maxDepth) {
    super(factory);
    this.maxDepth = maxDepth;
  }

  @Override
  public void setExpandEntities(boolean expand) {
    expandEntities = expand;
    super.setExpandEntities(expand);
  }

  /**
   * Called by {@link SAXHandler#reset()} after each document. JDOM's reset also turns entity
   * expansion back on, whatever the builder set; the builder's choice is put back.
   */
  @Override
  protected void resetSubCLass() {
    if (tail == null) {
      return; // SAXHandler's constructor calls reset, before this class's fields are set
    }
    tail.clear();
    depth = 0;
    held = 0;
    inText = false;
    items = 0;
    heldAtItemStart = 0;
    super.setExpandEntities(expandEntities);
  }

  @Override
  public void startElement(String ns, String local, String qname, Attributes atts)
      throws SAXException {
    if (++depth > maxDepth) {
      throw new TooDeepException();
    }
    if (isItem(local)) {
      heldAtItemStart = held;
    }
    count();
    inText = false;
    super.startElement(ns, local, qname, atts);
  }

  @Override
  public void endElement(String ns, String local, String qname) throws SAXException {
    Element closing = getCurrentElement();
    super.endElement(ns, local, qname);
    inText = false;
    if (isItem(local) && ++items > ITEMS_AT_EACH_END) {
      keepInTail(closing);
    }
    depth--;
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    if (!inText) {
      count();
      inText = true;
    }
    super.characters(ch, start, length);
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    if (!inText) {
      count();
      inText = true;
    }
    super.ignorableWhitespace(ch, start, length);
  }

  @Override
  public void comment(char[] ch, int start, int length) throws SAXException {
    count();
    inText = false;
    super.comment(ch, start, length);
  }

  @Override
  public void processingInstruction(String target, String data) throws SAXException {
    count();
    inText = false;
    super.processingInstruction(target, data);
  }

  @Override
  public void startCDATA() {
    inText = false; // a CDATA section is a node of its own
    super.startCDATA();
  }

  @Override
  public void endCDATA() throws SAXException {
    super.endCDATA();
    inText = false;
  }

  /** Puts the kept items of the end part back, after the first ones, in document order. */
  @Override
  public void endDocument() throws SAXException {
    for (Tail t : tail) {
      t.parent().addContent(t.item());
    }
    tail.clear();
    super.endDocument();
  }

  private boolean isItem(String local) {
    return (depth == 2 || depth == 3) && (local.equals("item") || local.equals("entry"));
  }

  private void count() throws TooManyNodesException {
    if (++held > MAX_NODES) {
      throw new TooManyNodesException();
    }
  }

  /**
   * Takes a closed item beyond the first ones out of the tree, with the text and comments that
   * came between it and the previous one, and keeps only the latest {@link #ITEMS_AT_EACH_END}.
   */
  private void keepInTail(Element item) {
    Element parent = item.getParentElement();
    long nodes = held - heldAtItemStart;
    // The item is its parent's last child: removing it by index costs nothing, unlike a search.
    parent.removeContent(parent.getContentSize() - 1);
    while (parent.getContentSize() > 0) {
      Content last = parent.getContent(parent.getContentSize() - 1);
      if (last instanceof Element) {
        break;
      }
      parent.removeContent(parent.getContentSize() - 1);
      held--;
    }
    tail.addLast(new Tail(parent, item, nodes));
    if (tail.size() > ITEMS_AT_EACH_END) {
      held -= tail.removeFirst().nodes();
    }
  }
}
