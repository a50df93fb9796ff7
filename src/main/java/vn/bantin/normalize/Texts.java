package vn.bantin.normalize;

import java.text.Normalizer;
import org.jsoup.Jsoup;

/** Unicode normalization, plain text from HTML-ish strings, and caps. */
final class Texts {

  private Texts() {}

  /** NFC (UAX #15), so "Đảng" typed with combining marks equals the precomposed one. */
  static String nfc(String s) {
    if (s == null || Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
      return s;
    }
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  /**
   * Plain text: tags removed, entities decoded, whitespace (including no-break spaces) collapsed
   * to single spaces and trimmed, then NFC. {@code null} becomes empty.
   */
  static String plainText(String html) {
    if (html == null) {
      return "";
    }
    String text = html.indexOf('<') < 0 && html.indexOf('&') < 0 ? html
        : Jsoup.parseBodyFragment(html).text();
    return nfc(collapseWhitespace(text));
  }

  private static String collapseWhitespace(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** At most {@code max} chars, never ending in half a surrogate pair. */
  static String cap(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = Math.max(0, max);
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
