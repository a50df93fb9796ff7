package vn.bantin.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Random HTML fragments of the characters and markup that decide whether a text takes {@link
 * PlainText}'s direct path: white space of every kind, controls, surrogates, entities, tags.
 */
public final class TrickyFragments {
  private static final String[] PIECES = {" ", "  ", "\t", "\n", "\r", "\r\n", "\f", "\u000b",
      "\u00a0", "\u200b", "\u00ad", "\u2003", "\ufeff", "\u0001", "\u0000", "a", "Đ", "ệ",
      "e\u0302\u0323", "🎉", "\ud800", "\udc00", "&", "&amp;", "&nbsp;", "&#160;", "&lt", "<", ">",
      "<p>", "</p>", "<br>", "<pre>", "]]>", "<!--", "-->", ";", "#", "<title>", "<html>",
      "<body>"};
  /** The pieces before this index are plain text (U+0000 aside, which the direct path refuses). */
  private static final int PLAIN_PIECES = 21;

  private TrickyFragments() {}

  /**
   * Asserts that {@code text} gives what {@code reference} gives for 20,000 fragments of up to 11
   * pieces drawn from {@code seed}: mostly plain, so that both of its paths get thousands of cases.
   */
  public static void textAgrees(long seed, UnaryOperator<String> text,
      UnaryOperator<String> reference) {
    SplittableRandom random = new SplittableRandom(seed);
    int plainCount = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder html = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        int bound = random.nextInt(3) == 0 ? PIECES.length : PLAIN_PIECES;
        html.append(PIECES[random.nextInt(bound)]);
      }
      String fragment = html.toString();
      plainCount += PlainText.isPlain(fragment) ? 1 : 0;
      assertThat(text.apply(fragment)).as("%s", escaped(fragment))
          .isEqualTo(reference.apply(fragment));
    }
    assertThat(plainCount).as("cases on the direct path").isBetween(2_000, 18_000);
  }

  private static String escaped(String s) {
    StringBuilder out = new StringBuilder();
    s.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c)
        : String.valueOf((char) c)));
    return out.toString();
  }
}
