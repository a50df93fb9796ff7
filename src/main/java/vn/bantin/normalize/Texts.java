package vn.bantin.normalize;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/** Unicode normalization, plain text from HTML-ish strings, and caps. */
final class Texts {

  /** The start of a tag, comment or declaration: what makes text read as markup. */
  private static final Pattern MARKUP = Pattern.compile("<[A-Za-z!/?]");

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

  /**
   * {@link #plainText} for a field that is text in every output (a title, a byline), with one
   * more step: text that still reads as markup once the tags are gone (an Atom or JSON Feed text
   * title written {@code <script>…}, escaped markup inside CDATA) is stripped once more. No
   * title is meant as markup, and many readers render RSS titles as HTML.
   */
  static String textWithoutMarkup(String html) {
    String text = plainText(html);
    return MARKUP.matcher(text).find() ? plainText(text) : text;
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
