package vn.bantin.curate;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Đảng matches Đảng bộ                 | Đảng      | Đảng bộ tỉnh họp phiên thường kỳ     | true
      Đảng matches capitals                | Đảng      | HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ      | true
      Đảng never matches đang              | Đảng      | Giá lúa đang tăng                    | false
      Đảng never matches dâng              | Đảng      | Nước sông dâng cao                   | false
      Đảng never matches đăng              | Đảng      | Thông báo đăng ký xe                 | false
      Đảng next to punctuation             | Đảng      | Vì sao (Đảng) lãnh đạo?              | true
      Đảng inside a longer word            | Đảng      | Đảngviên                             | false
      folded dang matches Đảng             | dang      | Đảng bộ tỉnh                         | true
      folded dang matches đang             | dang      | Giá lúa đang tăng                    | true
      folded lai chau matches Lai Châu     | lai chau  | Tỉnh Lai Châu phát triển chè         | true
      folded lai chau matches Lai Chau     | lai chau  | LAI CHAU province                    | true
      Lai Châu does not match Lai Chau     | Lai Châu  | LAI CHAU province                    | false
      phrase across a line break           | chi bộ    | Sinh hoạt chi\\nbộ định kỳ           | true
      phrase needs its words in order      | chi bộ    | bộ chi                               | false
      """)
  void matches(String name, String keyword, String text, boolean expected) {
    assertThat(Keyword.of(keyword).matches(Keyword.Text.of(text.replace("\\n", "\n"))))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      NFD text, NFC keyword   | Đảng | Đảng bộ | true
      NFD keyword, NFC text   | Lai Châu | Tỉnh Lai Châu | true
      """)
  void unicodeFormsDoNotMatter(String name, String keyword, String text, boolean expected) {
    String nfdText = Normalizer.normalize(text, Normalizer.Form.NFD);
    String nfdKeyword = Normalizer.normalize(keyword, Normalizer.Form.NFD);
    assertThat(Keyword.of(keyword).matches(Keyword.Text.of(nfdText))).isEqualTo(expected);
    assertThat(Keyword.of(nfdKeyword).matches(Keyword.Text.of(text))).isEqualTo(expected);
  }

  /**
   * Random texts of keyword pieces, letters, marks, digits and punctuation: a keyword matches
   * exactly where the contract's whole-word pattern (a regex, bantin's first matcher) finds it.
   */
  @Test
  void matchesExactlyWhereTheWholeWordPatternFinds() {
    List<String> pieces = List.of("đảng", "Đảng", "dang", "chi", " ", "bộ", "\n", ".", "-", "1",
        "\u0301", "a", "đ", "(", "ng", "Lai", "châu", "\u00a0");
    List<String> keywords = List.of("Đảng", "dang", "chi bộ", "1", "lai chau", "Lai Châu", "a");
    SplittableRandom random = new SplittableRandom(11);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(8); i >= 0; i--) {
        text.append(pieces.get(random.nextInt(pieces.size())));
      }
      Keyword.Text prepared = Keyword.Text.of(text.toString());
      for (String written : keywords) {
        String lower = KeywordForms.lower(written);
        boolean folded = KeywordForms.foldDiacritics(lower).equals(lower);
        boolean expected = Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}])" + Pattern.quote(lower)
            + "(?![\\p{L}\\p{M}\\p{N}])").matcher(folded ? prepared.folded : prepared.lower)
            .find();
        assertThat(Keyword.of(written).matches(prepared)).as("%s in %s", written, text)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void aBlankKeywordIsRefused() {
    assertThatThrownBy(() -> Keyword.of(" \n ")).isInstanceOf(IllegalArgumentException.class);
  }
}
