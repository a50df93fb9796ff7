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
}
