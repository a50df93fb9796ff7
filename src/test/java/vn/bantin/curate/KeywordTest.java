package vn.bantin.curate;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
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
}
