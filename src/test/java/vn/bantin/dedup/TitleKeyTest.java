package vn.bantin.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TitleKeyTest {

  private static final String TITLE = "Đảng ủy Khối triển khai nhiệm vụ năm 2025";

  static Stream<Arguments> sameKey() {
    return Stream.of(
        Arguments.of("NFD vs NFC", Normalizer.normalize(TITLE, Normalizer.Form.NFD)),
        Arguments.of("upper case", "ĐẢNG ỦY KHỐI TRIỂN KHAI NHIỆM VỤ NĂM 2025"),
        Arguments.of("punctuation", "Đảng ủy Khối: triển khai nhiệm vụ năm 2025!"),
        Arguments.of("quotes and dashes", "“Đảng ủy Khối” – triển khai nhiệm vụ năm 2025"),
        Arguments.of("extra whitespace", "  Đảng   ủy\tKhối\u00a0triển khai nhiệm vụ năm 2025 "),
        Arguments.of("soft hyphen inside a word",
            "Đảng ủy Khối triển khai nhiệm vụ năm 20\u00ad25"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sameKey")
  void variantsOfOneTitleShareAKey(String name, String variant) {
    assertThat(TitleKey.of(variant)).isEqualTo(TitleKey.of(TITLE));
  }

  static Stream<Arguments> differentKeys() {
    return Stream.of(
        Arguments.of("Đảng vs đang", "Đảng tổ chức hội nghị", "đang tổ chức hội nghị"),
        Arguments.of("Đảng vs dâng", "Đảng hoa", "dâng hoa"),
        Arguments.of("shared words only", "Đảng ủy Khối triển khai nhiệm vụ",
            "Đảng ủy Khối sơ kết nhiệm vụ"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("differentKeys")
  void differentTitlesHaveDifferentKeys(String name, String a, String b) {
    assertThat(TitleKey.of(a)).isNotEqualTo(TitleKey.of(b));
  }

  @ParameterizedTest(name = "\"{0}\" has no key")
  @NullSource
  @ValueSource(strings = {"", "   ", "…", " - ! ? "})
  void emptyTitlesHaveNoKey(String title) {
    assertThat(TitleKey.of(title)).isNull();
  }

  @Test
  void keyIsLowerCaseNfcWithSingleSpaces() {
    assertThat(TitleKey.of("VOV.VN - Covid-19:  Tin mới"))
        .isEqualTo("vov vn covid 19 tin mới");
  }
}
