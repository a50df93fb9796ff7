package vn.bantin.parse;

import java.util.Locale;
import vn.bantin.model.FailureCode;

/**
 * Looks at what comes before the root element, before any XML parser sees the text.
 *
 * <p>A DOCTYPE is refused outright: it is the door to external entities (XXE) and entity
 * expansion ("billion laughs"), and no feed needs one. An HTML page (an HTML doctype or an
 * {@code <html>} root) is reported as not a feed rather than as a forbidden or malformed document,
 * because that is what a user who pasted a web page address needs to hear.
 */
final class XmlProlog {

  private XmlProlog() {}

  /** Throws when the prolog holds a DOCTYPE or the root element is {@code html}. */
  static void check(String text) throws FeedParseException {
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (text.startsWith("<?", i)) {
        i = skipPast(text, i, "?>");
      } else if (text.startsWith("<!--", i)) {
        i = skipPast(text, i, "-->");
      } else if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
        String name = nameAt(text, i + 9);
        if (name.equalsIgnoreCase("html")) {
          throw notAFeed();
        }
        throw Failures.of(FailureCode.DOCTYPE_FORBIDDEN,
            "the document declares a DOCTYPE (" + name + "); DTDs are never processed");
      } else {
        if (c == '<' && nameAt(text, i + 1).toLowerCase(Locale.ROOT).equals("html")) {
          throw notAFeed();
        }
        return;
      }
    }
  }

  static FeedParseException notAFeed() {
    return Failures.of(FailureCode.NOT_A_FEED, "an HTML page, not a feed");
  }

  private static int skipPast(String text, int from, String end) {
    int at = text.indexOf(end, from);
    return at < 0 ? text.length() : at + end.length();
  }

  /** The XML name starting at {@code from} after optional whitespace, possibly empty. */
  private static String nameAt(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    int start = i;
    while (i < text.length() && i - start < 64) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '>' || c == '/' || c == '[') {
        break;
      }
      i++;
    }
    return text.substring(start, i);
  }
}
