package vn.bantin.curate;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordFormsTest {

  /** Every character the fold's tables hold, and ASCII before them. */
  private static final List<String> TABLED = tabled();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Đảng bộ tỉnh Lai Châu     | Dang bo tinh Lai Chau
      ĐẢNG                      | DANG
      đăng ký                   | dang ky
      Nguyễn Thị Ánh Tuyết      | Nguyen Thi Anh Tuyet
      ưu tiên phường Mường Tè   | uu tien phuong Muong Te
      “Đổi mới” – 5 tỷ ₫…       | “Doi moi” – 5 ty ₫…
      crème brûlée              | creme brulee
      Ελλάδα                    | Ελλαδα
      """)
  void foldsDiacritics(String text, String folded) {
    assertThat(KeywordForms.foldDiacritics(text)).isEqualTo(folded);
    assertThat(KeywordForms.foldDiacritics(Normalizer.normalize(text, Normalizer.Form.NFD)))
        .isEqualTo(folded);
  }

  /**
   * The tables fold character by character what the general rule folds on the whole text: every
   * pair of tabled characters (marks before and after letters, đ beside them) folds the same.
   */
  @Test
  void everyPairOfTabledCharactersFoldsAsTheGeneralRule() {
    List<String> differ = new ArrayList<>();
    for (String a : TABLED) {
      for (String b : TABLED) {
        String pair = a + b;
        if (!KeywordForms.foldDiacritics(pair).equals(KeywordForms.foldByNormalizer(pair))) {
          differ.add(pair);
        }
      }
    }
    assertThat(TABLED).hasSize(0x370 + 0x20D0 - 0x1E00);
    assertThat(differ).isEmpty();
  }

  @Test
  void textOutsideTheTablesFollowsTheGeneralRule() {
    for (String text : List.of("Hàn Quốc 한국어 ᄀ\u1161", "Đảng 日本 か\u3099", "emoji 😀 Đ")) {
      assertThat(KeywordForms.foldDiacritics(text))
          .isEqualTo(KeywordForms.foldByNormalizer(text));
    }
    assertThat(KeywordForms.foldDiacritics("ᄀ\u1161")).isEqualTo("가");
  }

  @Test
  void lowerIsNfcLowerCaseWithEachRunOfWhiteSpaceOneSpace() {
    assertThat(KeywordForms.lower("  HỘI\r\n\tNGHỊ \u000B\f ĐẢNG  "))
        .isEqualTo("hội nghị đảng");
    assertThat(KeywordForms.lower(Normalizer.normalize("Lai Châu", Normalizer.Form.NFD)))
        .isEqualTo("lai châu");
    // Java's \s is ASCII white space only: a no-break space stays, as it did with the pattern.
    assertThat(KeywordForms.lower("chi\u00a0bộ")).isEqualTo("chi\u00a0bộ");
  }

  /** Random strings of letters, marks and every kind of space, against the former code. */
  @Test
  void lowerAgreesWithThePatternItReplaced() {
    String alphabet = "aĐđẢảÂâ \t\n\u000B\f\r\u00a0\u2003\u001c\u0301\u0323İIΣ한x";
    SplittableRandom random = new SplittableRandom(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = s.toString();
      String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
      String expected = nfc.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
      assertThat(KeywordForms.lower(text)).as("%s", text).isEqualTo(expected);
    }
  }

  private static List<String> tabled() {
    List<String> chars = new ArrayList<>();
    for (char c = 0; c < 0x370; c++) {
      chars.add(String.valueOf(c));
    }
    for (char c = 0x1E00; c < 0x20D0; c++) {
      chars.add(String.valueOf(c));
    }
    return chars;
  }
}
