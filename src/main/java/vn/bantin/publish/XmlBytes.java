package vn.bantin.publish;

import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer that escapes XML text and attribute values as it encodes them, in
 * one pass and without intermediate strings: the render path's hot loop (about 100 kB per feed).
 * Characters XML 1.0 cannot carry are dropped on the way, as {@link CharFilter#xmlSafe} does.
 * Not thread-safe.
 */
final class XmlBytes {

  private byte[] bytes;
  private int size;

  XmlBytes(int capacity) {
    bytes = new byte[Math.max(64, capacity)];
  }

  /** Appends {@code s}, which must be ASCII markup that needs no escaping (names, literals). */
  XmlBytes ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[size + i] = (byte) s.charAt(i);
    }
    size += n;
    return this;
  }

  XmlBytes ascii(char c) {
    ensure(1);
    bytes[size++] = (byte) c;
    return this;
  }

  /** A line break and two spaces per level. */
  void newline(int depth) {
    ensure(1 + 2 * depth);
    bytes[size++] = '\n';
    Arrays.fill(bytes, size, size + 2 * depth, (byte) ' ');
    size += 2 * depth;
  }

  /**
   * Appends {@code s} escaped as character data ({@code & < >}) or, with {@code attribute}, as a
   * double-quoted attribute value (also {@code "}), the escapes StAX writes. Characters outside
   * XML 1.0's {@code Char} production (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; unpaired
   * surrogates) are left out. {@code null} writes nothing.
   */
  void escaped(String s, boolean attribute) {
    if (s == null) {
      return;
    }
    int n = s.length();
    // At most 3 bytes per char (a pair's 4 bytes come from 2 chars) or 6 for "&quot;".
    ensure(6 * n);
    byte[] out = bytes;
    int pos = size;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        // The common case first: printable ASCII that needs no escape is one byte as is.
        if (c >= 0x20 && c != '&' && c != '<' && c != '>' && (c != '"' || !attribute)) {
          out[pos++] = (byte) c;
        } else {
          pos = special(out, pos, c);
        }
      } else if (c < 0x800) {
        out[pos++] = (byte) (0xC0 | (c >> 6));
        out[pos++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        // A high surrogate followed by a low one is one code point of 4 bytes; any other
        // surrogate is unpaired, which neither XML nor UTF-8 can carry: it is dropped.
        if (Character.isHighSurrogate(c) && i + 1 < n
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          out[pos++] = (byte) (0xF0 | (cp >> 18));
          out[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          out[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          out[pos++] = (byte) (0x80 | (cp & 0x3F));
        }
      } else if (c < 0xFFFE) {
        out[pos++] = (byte) (0xE0 | (c >> 12));
        out[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[pos++] = (byte) (0x80 | (c & 0x3F));
      } // U+FFFE and U+FFFF are not XML characters: dropped
    }
    size = pos;
  }

  // The ASCII characters the fast path leaves: markup characters and C0 controls.
  private static int special(byte[] out, int pos, char c) {
    String entity = switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      case '\t', '\n', '\r' -> null; // the only C0 controls XML 1.0 allows, written as they are
      default -> ""; // any other C0 control is not an XML character: dropped
    };
    if (entity == null) {
      out[pos++] = (byte) c;
      return pos;
    }
    for (int i = 0; i < entity.length(); i++) {
      out[pos++] = (byte) entity.charAt(i);
    }
    return pos;
  }

  /** The bytes written, in an array of their exact length. */
  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  int size() {
    return size;
  }

  private void ensure(int more) {
    if (bytes.length - size < more) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
