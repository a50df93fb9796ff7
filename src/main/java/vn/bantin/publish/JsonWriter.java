package vn.bantin.publish;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A compact JSON (RFC 8259) writer for one document in memory, straight to UTF-8 bytes. Strings
 * are stripped of the characters XML cannot carry ({@link CharFilter#xmlSafe}), so a story reads
 * the same in every format, and escaped so that no string can open a tag or end a
 * {@code <script>} block when a page pastes the feed into its HTML: {@code < > &} become unicode
 * escapes (as Go's encoding/json does by default). Not thread-safe; one per document.
 *
 * <p>Hand-written rather than Jackson with custom character escapes: those send every character
 * through Jackson's slow path, and a tree of nodes is built only to be walked once. The bytes are
 * those Jackson wrote: its short escapes for {@code " \ \t \n \r}, upper-case {@code \}{@code
 * uXXXX} for the rest and for both halves of a surrogate pair, everything else as UTF-8.
 */
final class JsonWriter {

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private byte[] bytes;
  private int size;
  // Whether the innermost open object or array already has a member: a comma goes first.
  private boolean[] hasMember = new boolean[8];
  private int depth;

  JsonWriter(int expectedBytes) {
    bytes = new byte[Math.max(64, expectedBytes)];
  }

  JsonWriter beginObject() {
    return open('{');
  }

  JsonWriter endObject() {
    return close('}');
  }

  JsonWriter beginArray() {
    return open('[');
  }

  JsonWriter endArray() {
    return close(']');
  }

  /** A member name; its value follows. Names are the renderer's ASCII constants. */
  JsonWriter name(String name) {
    separate();
    ensure(name.length() + 3);
    bytes[size++] = '"';
    for (int i = 0; i < name.length(); i++) {
      bytes[size++] = (byte) name.charAt(i);
    }
    bytes[size++] = '"';
    bytes[size++] = ':';
    hasMember[depth] = false; // the value is part of this member: no comma before it
    return this;
  }

  /** A string value; {@code null} is written as the empty string. */
  JsonWriter string(String value) {
    separate();
    String s = value == null ? "" : value;
    int n = s.length();
    ensure(2 + 6 * n); // at most six bytes per char, a unicode escape
    byte[] out = bytes;
    int pos = size;
    out[pos++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&') {
          out[pos++] = (byte) c; // the common case first
        } else if (c == '"' || c == '\\') {
          out[pos++] = '\\';
          out[pos++] = (byte) c;
        } else if (c == '\t' || c == '\n' || c == '\r') {
          out[pos++] = '\\';
          out[pos++] = (byte) (c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
        } else if (c >= 0x20) {
          pos = unicodeEscape(out, pos, c); // < > &
        } // other C0 controls are not XML characters: dropped
      } else if (c < 0x800) {
        out[pos++] = (byte) (0xC0 | (c >> 6));
        out[pos++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        // A pair is escaped half by half; an unpaired surrogate is not an XML character.
        if (Character.isHighSurrogate(c) && i + 1 < n
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          pos = unicodeEscape(out, pos, c);
          pos = unicodeEscape(out, pos, s.charAt(++i));
        }
      } else if (c < 0xFFFE) {
        out[pos++] = (byte) (0xE0 | (c >> 12));
        out[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[pos++] = (byte) (0x80 | (c & 0x3F));
      } // U+FFFE and U+FFFF are not XML characters: dropped
    }
    out[pos++] = '"';
    size = pos;
    return this;
  }

  /** {@code "name":"value"}. */
  JsonWriter field(String name, String value) {
    return name(name).string(value);
  }

  /** The member only when {@code value} is neither null nor empty. */
  JsonWriter optionalField(String name, String value) {
    return value == null || value.isEmpty() ? this : field(name, value);
  }

  /** The document's UTF-8 bytes, in an array of their exact length. */
  byte[] finish() {
    return Arrays.copyOf(bytes, size);
  }

  private JsonWriter open(char bracket) {
    separate();
    ensure(1);
    bytes[size++] = (byte) bracket;
    if (++depth == hasMember.length) {
      hasMember = Arrays.copyOf(hasMember, depth * 2);
    }
    hasMember[depth] = false;
    return this;
  }

  private JsonWriter close(char bracket) {
    ensure(1);
    bytes[size++] = (byte) bracket;
    depth--;
    return this;
  }

  // Every value and name goes through here: a comma when its container already has a member.
  private void separate() {
    ensure(1);
    if (hasMember[depth]) {
      bytes[size++] = ',';
    }
    hasMember[depth] = true;
  }

  private static int unicodeEscape(byte[] out, int pos, char c) {
    out[pos++] = '\\';
    out[pos++] = 'u';
    for (int shift = 12; shift >= 0; shift -= 4) {
      out[pos++] = HEX[(c >> shift) & 0xF];
    }
    return pos;
  }

  private void ensure(int more) {
    if (bytes.length - size < more) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
