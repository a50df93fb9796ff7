package vn.bantin.parse;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import org.jdom2.Document;
import vn.bantin.model.FailureCode;

/**
 * Reads one fetched body as RSS (0.90 to 2.0), Atom (0.3, 1.0) or JSON Feed (1.0, 1.1).
 *
 * <p>The format is sniffed from the body: a first character '{' means JSON Feed, '<'
 * means XML; only a body starting with neither is routed by its {@code Content-Type}. XML is
 * decoded (see {@link Charsets}), stripped of characters XML forbids, checked for a DOCTYPE
 * (refused) and parsed by a hardened parser with a depth limit before Rome sees it; well-formed
 * UTF-8, the usual case, goes to the parser as bytes (same result, no copies). Text fields of
 * the result are HTML: RSS fields as written, Atom and JSON Feed plain text escaped.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class FeedParser {

  /** Bytes of a UTF-8 body decoded for the prolog check on the direct path. */
  private static final int PROLOG_WINDOW = 2048;

  private final int maxDepth;
  private final JsonFeedParser json;

  /** @param maxDepth the deepest element (XML) or value (JSON) nesting accepted, at least 1 */
  public FeedParser(int maxDepth) {
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth must be at least 1: " + maxDepth);
    }
    this.maxDepth = maxDepth;
    this.json = new JsonFeedParser(maxDepth);
  }

  /**
   * Parses {@code body}.
   *
   * @param body the decompressed body, not {@code null}
   * @param contentType the HTTP {@code Content-Type}, or {@code null}
   * @param url the URL the body came from (after redirects), the last resort base for relative
   *     links, not {@code null}
   * @return the feed, its entries in document order; of a feed with more than 5,000 items only
   *     the first and the last 2,500
   * @throws FeedParseException coded {@code xml_malformed}, {@code doctype_forbidden},
   *     {@code too_deep}, {@code body_too_large} (more nodes than a feed has), {@code not_a_feed},
   *     {@code json_malformed} or {@code charset_unsupported}
   */
  public ParsedFeed parse(byte[] body, String contentType, String url) throws FeedParseException {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(url, "url");
    int first = firstSignificantByte(body);
    if (first < 0) {
      throw Failures.of(FailureCode.XML_MALFORMED, "empty body");
    }
    if (first == '{' || (first != '<' && isJson(contentType))) {
      return json.parse(body, url);
    }
    return parseXml(body, contentType, url);
  }

  private ParsedFeed parseXml(byte[] body, String contentType, String url)
      throws FeedParseException {
    int utf8 = Charsets.utf8Start(body, contentType);
    Document direct = utf8 < 0 ? null : parseUtf8(body, utf8);
    if (direct != null) {
      return RomeFeeds.map(direct, url);
    }
    String text = XmlRepair.stripInvalidChars(Charsets.decode(body, contentType));
    if (text.isBlank()) {
      throw Failures.of(FailureCode.XML_MALFORMED, "empty body");
    }
    XmlProlog.check(text);
    return RomeFeeds.map(parseLeniently(text, contentType), url);
  }

  /**
   * The common case first: a UTF-8 body that is well-formed as it is, parsed from its bytes, with
   * no decoded copy of the whole body and no scan for characters XML forbids (the parser refuses
   * those). Returns {@code null} when the body needs the text path: malformed (bytes not UTF-8,
   * forbidden characters, HTML entities: the repairs) or a DOCTYPE (for the precise failure).
   */
  private Document parseUtf8(byte[] body, int start) throws FeedParseException {
    // The prolog is short; its check sees the same characters as on the text path.
    XmlProlog.check(new String(body, start, Math.min(body.length - start, PROLOG_WINDOW),
        StandardCharsets.UTF_8));
    Document document;
    try {
      document = XmlDocuments.parseUtf8(body, start, maxDepth);
    } catch (FeedParseException e) {
      FailureCode code = e.failure().code();
      if (code == FailureCode.XML_MALFORMED || code == FailureCode.DOCTYPE_FORBIDDEN) {
        return null;
      }
      throw e;
    }
    if (document.getRootElement().getName().equalsIgnoreCase("html")) {
      throw XmlProlog.notAFeed(); // an XHTML page with a prolog longer than the window
    }
    return document;
  }

  /**
   * Parses, and when that fails on entity references a document without a DTD cannot have (HTML's
   * {@code &nbsp;}, a bare {@code &}), parses once more with those rewritten.
   */
  private Document parseLeniently(String text, String contentType) throws FeedParseException {
    try {
      return XmlDocuments.parse(text, maxDepth);
    } catch (FeedParseException first) {
      if (first.failure().code() != FailureCode.XML_MALFORMED) {
        throw first;
      }
      String repaired = XmlRepair.repairEntities(text);
      if (repaired == text) {
        throw htmlOr(first, contentType);
      }
      try {
        return XmlDocuments.parse(repaired, maxDepth);
      } catch (FeedParseException second) {
        throw second.failure().code() == FailureCode.XML_MALFORMED
            ? htmlOr(second, contentType) : second;
      }
    }
  }

  /** Malformed XML served as text/html is a web page, which is what the user needs to hear. */
  private static FeedParseException htmlOr(FeedParseException e, String contentType) {
    return mediaType(contentType).equals("text/html") ? XmlProlog.notAFeed() : e;
  }

  private static boolean isJson(String contentType) {
    String type = mediaType(contentType);
    return type.equals("application/feed+json") || type.equals("application/json");
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim()
        .toLowerCase(Locale.ROOT);
  }

  /** The first byte after a UTF-8 byte order mark and ASCII whitespace, or -1 when none. */
  private static int firstSignificantByte(byte[] body) {
    int i = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB
        && (body[2] & 0xFF) == 0xBF ? 3 : 0;
    for (; i < body.length; i++) {
      int b = body[i] & 0xFF;
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return b;
      }
    }
    return -1;
  }
}
