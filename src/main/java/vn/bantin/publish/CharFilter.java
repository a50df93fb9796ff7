package vn.bantin.publish;

/** Removes characters that XML 1.0 cannot carry, so no upstream byte can break an output. */
final class CharFilter {

  private CharFilter() {}

  /**
   * {@code s} without the characters outside XML 1.0's {@code Char} production (C0 controls other
   * than tab, LF and CR; U+FFFE, U+FFFF; unpaired surrogates). {@code null} becomes empty.
   */
  static String xmlSafe(String s) {
    if (s == null) {
      return "";
    }
    // Fast scan over the chars that are XML characters on their own (everything from U+0020 up
    // to the surrogates: all of Vietnamese); the rest is checked code point by code point.
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0xD800) {
        i++;
        continue;
      }
      int cp = s.codePointAt(i);
      if (!isXmlChar(cp)) {
        return strip(s, i);
      }
      i += Character.charCount(cp);
    }
    return s; // the common case: nothing to remove, no copy
  }

  private static String strip(String s, int from) {
    StringBuilder kept = new StringBuilder(s.length()).append(s, 0, from);
    s.substring(from).codePoints().filter(CharFilter::isXmlChar).forEach(kept::appendCodePoint);
    return kept.toString();
  }

  // XML 1.0 (Fifth Edition) §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD]
  // | [#x10000-#x10FFFF]. codePointAt yields a lone surrogate as itself, which falls outside.
  private static boolean isXmlChar(int cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
