package vn.bantin.curate;

import vn.bantin.model.PlainText;
import vn.bantin.model.Story;

/**
 * One {@code include}/{@code exclude} keyword, matched as the contract says: on whole words or
 * phrases, case-insensitively, after NFC. A keyword written with Vietnamese diacritics matches
 * only those diacritics ({@code Đảng} never matches "đang"); one written without any matches the
 * diacritic-folded text ({@code lai chau} matches "Lai Châu", {@code dang} matches "Đảng").
 */
public final class Keyword {

  private final String written;
  private final boolean folded;
  /** The phrase as it is looked for: {@link KeywordForms#lower} of what was written. */
  private final String phrase;

  private Keyword(String written) {
    this.written = written;
    this.phrase = KeywordForms.lower(written);
    if (phrase.isEmpty()) {
      throw new IllegalArgumentException("a keyword must not be blank");
    }
    this.folded = KeywordForms.foldDiacritics(phrase).equals(phrase);
  }

  /** The keyword as written in feeds.yml; not blank. */
  public static Keyword of(String written) {
    return new Keyword(written);
  }

  public String written() {
    return written;
  }

  /**
   * Whether the phrase occurs in {@code text} as whole words: no letter, mark or digit touches
   * either end of it (what {@code (?<![\p{L}\p{M}\p{N}])phrase(?![\p{L}\p{M}\p{N}])}
   * finds, with String.indexOf instead of a regex trying every position).
   */
  boolean matches(Text text) {
    String s = folded ? text.folded : text.lower;
    for (int at = s.indexOf(phrase); at >= 0; at = s.indexOf(phrase, at + 1)) {
      int end = at + phrase.length();
      if ((at == 0 || !isWordPart(s.codePointBefore(at)))
          && (end == s.length() || !isWordPart(s.codePointAt(end)))) {
        return true;
      }
    }
    return false;
  }

  /** A letter, mark or number: Unicode's L, M and N general categories. */
  private static boolean isWordPart(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
      default -> false;
    };
  }

  /** Plain text of sanitized HTML. */
  static String plain(String html) {
    return html.isEmpty() ? "" : PlainText.of(html);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Keyword k && k.written.equals(written);
  }

  @Override
  public int hashCode() {
    return written.hashCode();
  }

  @Override
  public String toString() {
    return written;
  }

  /** A story's text, prepared once for every keyword. */
  static final class Text {
    final String lower;
    final String folded;

    private Text(String lower) {
      this.lower = lower;
      this.folded = KeywordForms.foldDiacritics(lower);
    }

    static Text of(String raw) {
      return new Text(KeywordForms.lower(raw));
    }

    /** The text keywords are matched on: the title, a line break, the summary's plain text. */
    static Text of(Story story) {
      return of(story.title() + "\n" + plain(story.summaryHtml()));
    }
  }
}
