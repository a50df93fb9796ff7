package vn.bantin.curate;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import vn.bantin.model.Story;

/**
 * One {@code include}/{@code exclude} keyword, matched as the contract says: on whole words or
 * phrases, case-insensitively, after NFC. A keyword written with Vietnamese diacritics matches
 * only those diacritics ({@code Đảng} never matches "đang"); one written without any matches the
 * diacritic-folded text ({@code lai chau} matches "Lai Châu", {@code dang} matches "Đảng").
 */
public final class Keyword {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final String written;
  private final boolean folded;
  private final Pattern pattern;

  private Keyword(String written) {
    this.written = written;
    String lower = lower(written);
    String plain = foldDiacritics(lower);
    this.folded = plain.equals(lower);
    // Whole words: no letter, mark or digit may touch either end of the phrase.
    this.pattern = Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}])" + Pattern.quote(lower)
        + "(?![\\p{L}\\p{M}\\p{N}])");
  }

  /** The keyword as written in feeds.yml. */
  public static Keyword of(String written) {
    return new Keyword(written);
  }

  public String written() {
    return written;
  }

  boolean matches(Text text) {
    return pattern.matcher(folded ? text.folded : text.lower).find();
  }

  /** Lower case after NFC with runs of white space (line breaks too) made one space. */
  static String lower(String s) {
    String nfc = Normalizer.normalize(s, Normalizer.Form.NFC);
    return SPACES.matcher(nfc.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  /** Removes Vietnamese (and any) diacritics; đ folds to d, as Vietnamese readers expect. */
  static String foldDiacritics(String lower) {
    String stripped = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD))
        .replaceAll("");
    return Normalizer.normalize(stripped.replace('đ', 'd').replace('Đ', 'D'),
        Normalizer.Form.NFC);
  }

  /** Plain text of sanitized HTML. */
  static String plain(String html) {
    return html.isEmpty() ? "" : Jsoup.parse(html).text();
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
      this.folded = foldDiacritics(lower);
    }

    static Text of(String raw) {
      return new Text(lower(raw));
    }

    /** The text keywords are matched on: the title, a line break, the summary's plain text. */
    static Text of(Story story) {
      return of(story.title() + "\n" + plain(story.summaryHtml()));
    }
  }
}
