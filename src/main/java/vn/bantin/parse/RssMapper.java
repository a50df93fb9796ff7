package vn.bantin.parse;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/** RSS 0.90 to 2.0 (a Rome {@link Channel}) to a {@link ParsedFeed}. */
final class RssMapper {

  private static final Namespace RDF =
      Namespace.getNamespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
  private static final Namespace CONTENT =
      Namespace.getNamespace("http://purl.org/rss/1.0/modules/content/");

  private RssMapper() {}

  static ParsedFeed map(Channel channel, Element root, String fetchUrl, TakenDates dates) {
    String feedLink = EntryBase.feedLink(root, fetchUrl, channel.getLink());
    List<Element> elements = itemElements(root);
    List<Item> items = channel.getItems();
    // Rome reads the same item elements in the same order; pair them only when the counts agree.
    boolean paired = elements.size() == items.size();
    List<ParsedEntry> entries = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      entries.add(entry(items.get(i), paired ? elements.get(i) : null, feedLink, fetchUrl, dates));
    }
    return new ParsedFeed(channel.getTitle(), feedLink, entries);
  }

  private static ParsedEntry entry(Item item, Element el, String feedLink, String fetchUrl,
      TakenDates dates) {
    Guid guid = item.getGuid();
    // RSS 2.0 guid; RSS 1.0 names its items with rdf:about. (Rome's Item.getUri() falls back to
    // the link, which would pass a link off as an id.)
    String id = guid != null && guid.getValue() != null ? guid.getValue()
        : el == null ? null : el.getAttributeValue("about", RDF);
    String link = item.getLink();
    if (link == null && guid != null && guid.isPermaLink()) {
      link = guid.getValue(); // RSS 2.0: a permalink guid is the item's URL.
    }
    DCModule dc = (DCModule) item.getModule(DCModule.URI);
    String author = item.getAuthor() != null ? item.getAuthor()
        : dc == null ? null : dc.getCreator();
    Instant published = dates.either(item.getPubDate(), el, TakenDates.Field.PUB_DATE);
    if (published == null) {
      published = dates.either(dc == null ? null : dc.getDate(), el, TakenDates.Field.DC_DATE);
    }
    String summary = html(el, "description", el == null ? null : el.getNamespace(),
        item.getDescription() == null ? null : item.getDescription().getValue());
    String content = html(el, "encoded", CONTENT,
        item.getContent() == null ? null : item.getContent().getValue());
    return new ParsedEntry(id, link, item.getTitle(), summary, content, author,
        published, null,
        EntryBase.of(el, feedLink, fetchUrl));
  }

  /**
   * RSS carries HTML as escaped text, which Rome gives us. Some publishers write the markup
   * unescaped instead; Rome would keep only its text, so then the child markup is serialized.
   */
  private static String html(Element item, String name, Namespace ns, String romeValue) {
    Element field = item == null ? null : item.getChild(name, ns);
    if (field != null && !field.getChildren().isEmpty()) {
      return Markup.innerHtml(field);
    }
    return romeValue;
  }

  /** The item elements Rome reads: under the channel (0.91 to 2.0) or the root (0.90, 1.0). */
  static List<Element> itemElements(Element root) {
    Element channel = root.getChild("channel", root.getNamespace());
    List<Element> under = channel == null ? List.of()
        : channel.getChildren("item", root.getNamespace());
    if (!under.isEmpty() || !root.getName().equals("RDF")) {
      return under;
    }
    List<Element> items = new ArrayList<>();
    for (Element child : root.getChildren()) {
      if (child.getName().equals("item")) {
        items.add(child);
      }
    }
    return items;
  }
}
