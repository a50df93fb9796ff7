package vn.bantin.parse;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.Element;
import vn.bantin.model.FailureCode;

/** Hands an already parsed, safe JDOM document to Rome and maps what Rome understood. */
final class RomeFeeds {

  private RomeFeeds() {}

  static ParsedFeed map(Document document, String fetchUrl) throws FeedParseException {
    Element root = document.getRootElement();
    if (root.getName().equals("rss") && root.getAttribute("version") == null) {
      // Rome picks its RSS parser by the version attribute; a feed that omits it reads as 2.0.
      root.setAttribute("version", "2.0");
    }
    // Rome's date parsing is the costliest part of its work: the dates it would parse are taken
    // out and parsed by FeedDates, except those FeedDates does not know.
    TakenDates dates = TakenDates.takeFrom(root);
    WireFeed wire = build(document, root);
    if (!dates.isEmpty() && !pairs(wire, root)) {
      // The mappers find an item's taken dates through its element, paired with Rome's items by
      // position; when the counts differ, Rome reads the dates itself.
      dates.restore();
      wire = build(document, root);
    }
    if (wire instanceof Channel channel) {
      return RssMapper.map(channel, root, fetchUrl, dates);
    }
    if (wire instanceof Feed feed) {
      return AtomMapper.map(feed, root, fetchUrl, dates);
    }
    throw Failures.of(FailureCode.NOT_A_FEED, "unsupported feed type " + wire.getFeedType());
  }

  private static WireFeed build(Document document, Element root) throws FeedParseException {
    try {
      // Only build(Document): Rome's own build(Reader/InputSource/URL) would parse (or fetch).
      return new WireFeedInput(false, Locale.US).build(document);
    } catch (IllegalArgumentException e) {
      throw Failures.of(FailureCode.NOT_A_FEED,
          "well-formed XML but not RSS or Atom (root element <" + root.getQualifiedName() + ">)");
    } catch (FeedException | RuntimeException e) {
      // Rome throws unchecked exceptions on some malformed fields (e.g. a non-numeric skipHours).
      throw Failures.of(FailureCode.NOT_A_FEED, "unreadable feed: " + e.getMessage());
    }
  }

  /** Whether the mappers can pair Rome's items with their elements. */
  private static boolean pairs(WireFeed wire, Element root) {
    if (wire instanceof Channel channel) {
      return channel.getItems().size() == RssMapper.itemElements(root).size();
    }
    if (wire instanceof Feed feed) {
      return feed.getEntries().size() == AtomMapper.entryElements(root).size();
    }
    return true;
  }
}
