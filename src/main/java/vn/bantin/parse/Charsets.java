package vn.bantin.parse;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.bantin.model.FailureCode;

/**
 * Decodes an XML body to characters ourselves, so the XML parser never guesses.
 *
 * <p>The rule, in order: a byte order mark (UTF-8, UTF-16 BE/LE); UTF-16 without a mark detected
 * from the first bytes of {@code <?xml} (XML 1.0 appendix F); the {@code encoding} of the XML
 * declaration; the {@code charset} parameter of the HTTP {@code Content-Type}; else UTF-8. The
 * document's own declaration wins over the HTTP header on purpose: RFC 7303 section 3.2 says the
 * header wins for {@code application/xml}, but in the wild the header is a server-wide default
 * (often ISO-8859-1) while the declaration is written by the program that encoded the bytes.
 * Bytes that are not valid in the chosen charset become U+FFFD rather than failing the feed.
 */
final class Charsets {

  private static final Pattern DECLARED_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']*)[\"']");
  private static final Pattern HEADER_CHARSET =
      Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");
  /** The XML declaration is short; a bounded prefix keeps a hostile body from costing time. */
  private static final int DECLARATION_WINDOW = 512;

  private Charsets() {}

  /** Decoded text without the byte order mark. */
  static String decode(byte[] body, String contentType) throws FeedParseException {
    int n = body.length;
    if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
      return new String(body, 3, n - 3, StandardCharsets.UTF_8);
    }
    if (startsWith(body, 0xFE, 0xFF)) {
      return new String(body, 2, n - 2, StandardCharsets.UTF_16BE);
    }
    if (startsWith(body, 0xFF, 0xFE)) {
      return new String(body, 2, n - 2, StandardCharsets.UTF_16LE);
    }
    if (startsWith(body, 0x00, 0x3C, 0x00, 0x3F)) {
      return new String(body, StandardCharsets.UTF_16BE);
    }
    if (startsWith(body, 0x3C, 0x00, 0x3F, 0x00)) {
      return new String(body, StandardCharsets.UTF_16LE);
    }
    return new String(body, charsetFor(body, contentType));
  }

  /**
   * Where the text starts when the rule above makes {@code body} UTF-8: 3 after a UTF-8 byte
   * order mark, else 0; -1 for any other charset.
   */
  static int utf8Start(byte[] body, String contentType) throws FeedParseException {
    if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
      return 3;
    }
    if (startsWith(body, 0xFE, 0xFF) || startsWith(body, 0xFF, 0xFE)
        || startsWith(body, 0x00, 0x3C, 0x00, 0x3F) || startsWith(body, 0x3C, 0x00, 0x3F, 0x00)) {
      return -1;
    }
    return charsetFor(body, contentType).equals(StandardCharsets.UTF_8) ? 0 : -1;
  }

  /** The charset named by the XML declaration or else the header, for ASCII-compatible bytes. */
  private static Charset charsetFor(byte[] body, String contentType) throws FeedParseException {
    String prefix = new String(body, 0, Math.min(body.length, DECLARATION_WINDOW),
        StandardCharsets.ISO_8859_1);
    Matcher declared = DECLARED_ENCODING.matcher(prefix);
    if (declared.find()) {
      return lookup(declared.group(1), "XML declaration");
    }
    if (contentType != null) {
      Matcher header = HEADER_CHARSET.matcher(contentType);
      if (header.find()) {
        return lookup(header.group(1), "Content-Type");
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static Charset lookup(String name, String where) throws FeedParseException {
    String trimmed = name.trim();
    // We read the declaration as ASCII, so the bytes are not UTF-16/32 whatever they claim.
    if (trimmed.toUpperCase(Locale.ROOT).matches("UTF-?(16|32).*")) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(trimmed);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw Failures.of(FailureCode.CHARSET_UNSUPPORTED,
          "unknown charset \"" + shorten(trimmed) + "\" in the " + where);
    }
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  private static boolean startsWith(byte[] body, int... prefix) {
    if (body.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((body[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
