package vn.bantin.parse;

import java.util.List;

/**
 * A feed document as its publisher wrote it, whatever its format. No Rome type leaves this
 * package.
 *
 * @param title the feed's title, or {@code null}
 * @param link the feed's home page (absolute when the feed made it so), or {@code null}
 * @param entries in document order
 */
public record ParsedFeed(String title, String link, List<ParsedEntry> entries) {

  public ParsedFeed {
    entries = List.copyOf(entries);
  }
}
