package vn.bantin.parse;

import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * The two repairs real feeds need before an XML parser accepts them, both meaning-preserving.
 */
final class XmlRepair {

  /** XML 1.0 section 4.6: the only named entities a document without a DTD may use. */
  private static final Set<String> PREDEFINED = Set.of("amp", "lt", "gt", "quot", "apos");
  private static final int LONGEST_NAME = 32;

  private XmlRepair() {}

  /**
   * Removes characters outside the XML 1.0 {@code Char} production (section 2.2): C0 controls
   * other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF. Publishers paste them from word
   * processors; a parser must reject them, a reader never misses them.
   */
  static String stripInvalidChars(String text) {
    int first = firstInvalid(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    out.append(text, 0, first);
    for (int i = first; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (isXmlChar(cp)) {
        out.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static int firstInvalid(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (!isXmlChar(cp)) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }

  private static boolean isXmlChar(int cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }

  /**
   * Rewrites HTML named entities ({@code &nbsp;}, {@code &eacute;} ...) as numeric character
   * references and escapes any other stray {@code &}, outside CDATA sections and comments. A
   * document without a DTD cannot declare those entities, so any such reference makes it
   * ill-formed; the rewrite gives the text the publisher meant. Returns the same instance when
   * there is nothing to rewrite.
   */
  static String repairEntities(String text) {
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (text.startsWith("<![CDATA[", i)) {
        i = skipPast(text, i, "]]>");
      } else if (text.startsWith("<!--", i)) {
        i = skipPast(text, i, "-->");
      } else if (text.charAt(i) == '&') {
        int end = referenceEnd(text, i);
        String replacement = end > 0 ? replacementFor(text.substring(i + 1, end)) : "&amp;";
        if (replacement == null) {
          i = end + 1;
          continue;
        }
        if (out == null) {
          out = new StringBuilder(n + 64);
        }
        out.append(text, copied, i).append(replacement);
        i = end > 0 ? end + 1 : i + 1;
        copied = i;
      } else {
        i++;
      }
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, n).toString();
  }

  /** Index of the {@code ;} closing the reference starting at {@code amp}, or -1. */
  private static int referenceEnd(String text, int amp) {
    int limit = Math.min(text.length(), amp + 2 + LONGEST_NAME);
    for (int j = amp + 1; j < limit; j++) {
      char c = text.charAt(j);
      if (c == ';') {
        return j > amp + 1 ? j : -1;
      }
      if (!(Character.isLetterOrDigit(c) || (c == '#' && j == amp + 1))) {
        return -1;
      }
    }
    return -1;
  }

  /** {@code null} to keep {@code &name;} as it is, else what to write instead. */
  private static String replacementFor(String name) {
    if (name.charAt(0) == '#') {
      return isNumericReference(name) ? null : "&amp;" + name + ";";
    }
    if (PREDEFINED.contains(name)) {
      return null;
    }
    if (!Entities.isNamedEntity(name)) {
      return "&amp;" + name + ";";
    }
    StringBuilder refs = new StringBuilder();
    Entities.getByName(name).codePoints().forEach(cp -> refs.append("&#").append(cp).append(';'));
    return refs.toString();
  }

  private static boolean isNumericReference(String name) {
    if (name.length() > 2 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')) {
      return name.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
    return name.length() > 1 && name.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static int skipPast(String text, int from, String end) {
    int at = text.indexOf(end, from);
    return at < 0 ? text.length() : at + end.length();
  }
}
