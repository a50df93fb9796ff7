package vn.bantin.dedup;

import java.nio.charset.StandardCharsets;

/** Percent-encoding normalized per RFC 3986 section 6.2.2, so equivalent spellings agree. */
final class PercentEncoding {

  private static final String HEX = "0123456789ABCDEF";

  private PercentEncoding() {}

  /**
   * Decodes percent-encoded unreserved characters, upper-cases the hex of the others and encodes
   * what may not appear raw (non-ASCII, spaces, controls).
   */
  static String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '%' && isHex(text, i + 1) && isHex(text, i + 2)) {
        int value = Integer.parseInt(text.substring(i + 1, i + 3), 16);
        if (isUnreserved(value)) {
          out.append((char) value);
        } else {
          appendEncoded(out, value);
        }
        i += 3;
      } else if (c > 0x20 && c < 0x7f && c != '%' && "\"<>\\^`{|}".indexOf(c) < 0) {
        out.append(c);
        i++;
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
        for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          appendEncoded(out, b & 0xff);
        }
        i = end;
      }
    }
    return out.toString();
  }

  private static boolean isHex(String text, int index) {
    return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
  }

  // RFC 3986 section 2.3: ALPHA / DIGIT / "-" / "." / "_" / "~"
  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static void appendEncoded(StringBuilder out, int b) {
    out.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 15));
  }
}
