package vn.bantin.parse;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndPerson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.Element;
import vn.bantin.parse.TakenDates.Field;

/** Atom 0.3 and 1.0 (a Rome {@link Feed}) to a {@link ParsedFeed}. */
final class AtomMapper {

  private AtomMapper() {}

  static ParsedFeed map(Feed feed, Element root, String fetchUrl, TakenDates dates) {
    String feedLink = EntryBase.feedLink(root, fetchUrl, alternateHref(feed.getAlternateLinks()));
    String feedAuthor = firstName(feed.getAuthors());
    List<Element> elements = entryElements(root);
    List<Entry> items = feed.getEntries();
    // Rome reads the same entry elements in the same order; pair them only when the counts agree.
    boolean paired = elements.size() == items.size();
    List<ParsedEntry> entries = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Element el = paired ? elements.get(i) : null;
      entries.add(entry(items.get(i), el, feedLink, feedAuthor, fetchUrl, dates));
    }
    return new ParsedFeed(feed.getTitle(), feedLink, entries);
  }

  /** The entry elements Rome reads, in document order. */
  static List<Element> entryElements(Element root) {
    return root.getChildren("entry", root.getNamespace());
  }

  private static ParsedEntry entry(Entry entry, Element el, String feedLink, String feedAuthor,
      String fetchUrl, TakenDates dates) {
    DCModule dc = (DCModule) entry.getModule(DCModule.URI);
    // Atom 1.0 section 4.2.1: an entry without an author inherits the feed's.
    String author = firstName(entry.getAuthors());
    if (author == null) {
      author = dc != null && dc.getCreator() != null ? dc.getCreator() : feedAuthor;
    }
    // Atom 0.3 calls them issued/created and modified; Atom 1.0 published and updated.
    Instant published = first(dates.either(entry.getPublished(), el, Field.PUBLISHED),
        dates.either(entry.getIssued(), el, Field.ISSUED),
        dates.either(entry.getCreated(), el, Field.CREATED),
        dates.either(dc == null ? null : dc.getDate(), el, Field.DC_DATE));
    Instant updated = first(dates.either(entry.getUpdated(), el, Field.UPDATED),
        dates.either(entry.getModified(), el, Field.MODIFIED));
    List<Content> contents = entry.getContents();
    Content content = contents == null || contents.isEmpty() ? null : contents.get(0);
    return new ParsedEntry(entry.getId(), alternateHref(entry.getAlternateLinks()),
        html(entry.getTitleEx(), child(el, "title")),
        html(entry.getSummary(), child(el, "summary")),
        content == null || content.getSrc() != null ? null : html(content, child(el, "content")),
        author,
        published,
        updated,
        EntryBase.of(el, feedLink, fetchUrl));
  }

  /**
   * A text construct as HTML (Atom 1.0 section 3.1): {@code text} is escaped, {@code html} kept,
   * {@code xhtml} serialized from its markup. Atom 0.3 uses MIME types for the same three.
   */
  private static String html(Content construct, Element el) {
    if (construct == null) {
      return null;
    }
    String value = construct.getValue();
    String type = construct.getType() == null ? "text"
        : construct.getType().trim().toLowerCase(Locale.ROOT);
    if (type.equals("html") || type.equals("text/html")) {
      return value;
    }
    if (type.equals("xhtml") || type.endsWith("+xml") || type.endsWith("/xml")) {
      return el != null ? Markup.innerHtml(el) : value;
    }
    if (type.equals("text") || type.startsWith("text/")) {
      return Markup.escape(value);
    }
    return null; // Binary media (Atom 1.0 section 4.1.3.3): nothing a reader could show inline.
  }

  private static Element child(Element entry, String name) {
    return entry == null ? null : entry.getChild(name, entry.getNamespace());
  }

  /** The first alternate link (a link without rel is alternate, Atom 1.0 section 4.2.7.2). */
  private static String alternateHref(List<Link> links) {
    if (links == null) {
      return null;
    }
    for (Link link : links) {
      String type = link.getType();
      if (link.getHref() != null && (type == null || type.contains("html"))) {
        return link.getHref();
      }
    }
    return null;
  }

  private static String firstName(List<SyndPerson> persons) {
    if (persons == null) {
      return null;
    }
    for (SyndPerson p : persons) {
      if (p.getName() != null && !p.getName().isBlank()) {
        return p.getName();
      }
    }
    return null;
  }

  private static Instant first(Instant... dates) {
    for (Instant d : dates) {
      if (d != null) {
        return d;
      }
    }
    return null;
  }
}
