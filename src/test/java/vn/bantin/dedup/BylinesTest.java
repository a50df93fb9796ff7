package vn.bantin.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BylinesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      VOV                     | VOV.VN - Sáng 24/11, hội nghị khai mạc.          | Sáng 24/11, hội nghị khai mạc.
      ĐCSVN in parentheses    | (ĐCSVN) - Sáng 24/11, hội nghị khai mạc.         | Sáng 24/11, hội nghị khai mạc.
      BLC with an en dash     | (BLC) – Sáng 24/11, hội nghị khai mạc.           | Sáng 24/11, hội nghị khai mạc.
      place and agency        | Lai Châu (TTXVN) - Sáng 24/11, hội nghị khai mạc. | Sáng 24/11, hội nghị khai mạc.
      short capitals          | ĐBP - Sáng 24/11, hội nghị khai mạc.             | Sáng 24/11, hội nghị khai mạc.
      a domain                | (baolaocai.vn) - Sáng 24/11, hội nghị khai mạc.  | Sáng 24/11, hội nghị khai mạc.
      according to            | Theo VOV, sáng 24/11 hội nghị khai mạc.          | sáng 24/11 hội nghị khai mạc.
      according to a paper    | Theo Báo Lai Châu, sáng 24/11 hội nghị khai mạc. | sáng 24/11 hội nghị khai mạc.
      trailing source         | Sáng 24/11, hội nghị khai mạc (Theo VOV)         | Sáng 24/11, hội nghị khai mạc
      no byline               | Sáng 24/11, hội nghị khai mạc.                   | Sáng 24/11, hội nghị khai mạc.
      a sentence is kept      | Hà Nội - Lào Cai thông tuyến cao tốc.            | Hà Nội - Lào Cai thông tuyến cao tốc.
      """)
  void strip(String name, String text, String expected) {
    assertThat(Bylines.strip(text)).isEqualTo(expected);
  }

  /** The shortcut may say "maybe" too often, never "no" when the trailing pattern matches. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      ends with a period after a word  | Hội nghị khai mạc.       | false
      ends with a parenthesis          | khai mạc (Theo VOV)      | true
      parenthesis, period and spaces   | "khai mạc (TTXVN) .  "   | true
      ends with capitals               | khai mạc - VOV           | true
      capitals and a period            | khai mạc - VOV.          | true
      ends with a number               | đạt 600.000 tấn 2026     | false
      only dots and spaces             | ". . ."                  | false
      empty                            | ""                       | false
      """)
  void mayEndWithByline(String name, String text, boolean expected) {
    assertThat(Bylines.mayEndWithByline(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      line separator after the byline  | 2028
      next line after the byline       | 0085
      supplementary capital at the end | 1D400
      """)
  void mayEndWithBylineSeesUnusualEnds(String name, String hex) {
    String text = "khai mạc - VOV" + Character.toString(Integer.parseInt(hex, 16));
    assertThat(Bylines.mayEndWithByline(text)).isTrue();
    assertThat(Bylines.mayEndWithByline("khai mạc" + Character.toString(Integer.parseInt(hex, 16))))
        .isEqualTo(Character.isUpperCase(Integer.parseInt(hex, 16)));
  }
}
