package vn.bantin.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private static final String TITLE = "Lai Châu sơ kết 10 tháng xây dựng nông thôn mới";
  private static final String SUMMARY = "VOV.VN - Sáng 24/11, Ban Thường vụ Tỉnh ủy Lai Châu tổ"
      + " chức hội nghị sơ kết công tác xây dựng nông thôn mới 10 tháng năm 2026, toàn tỉnh có"
      + " 62 xã đạt chuẩn.";

  @Test
  void bylinesAndUnicodeFormsDoNotChangeTheFingerprint() {
    Fingerprint vov = Fingerprint.of(TITLE, SUMMARY);
    Fingerprint blc = Fingerprint.of(Normalizer.normalize(TITLE, Normalizer.Form.NFD),
        Normalizer.normalize(SUMMARY.replace("VOV.VN -", "(BLC) -"), Normalizer.Form.NFD));
    assertThat(blc.similarity(vov)).isEqualTo(1.0);
    assertThat(blc.bands()).isEqualTo(vov.bands());
    assertThat(blc.marks()).isEqualTo(vov.marks());
  }

  @Test
  void marksAreNumbersAndMultiWordNamesNotRoles() {
    assertThat(Fingerprint.of(TITLE, SUMMARY).marks().split("\\|"))
        .containsExactlyInAnyOrder("10", "24/11", "2026", "62", "lai châu", "ban thường");
  }

  @Test
  void anotherProvinceOrOtherFiguresContradictButAShorterTextDoesNot() {
    Fingerprint full = Fingerprint.of(TITLE, SUMMARY);
    Fingerprint otherProvince = Fingerprint.of(TITLE.replace("Lai Châu", "Điện Biên"),
        SUMMARY.replace("Lai Châu", "Điện Biên"));
    Fingerprint truncated = Fingerprint.of(TITLE, SUMMARY.substring(0, 60) + "...");
    assertThat(full.contradicts(otherProvince)).isTrue();
    assertThat(full.contradicts(truncated)).isFalse();
    assertThat(truncated.contradicts(full)).isFalse();
  }

  @Test
  void storageRoundTripKeepsEverything() {
    Fingerprint f = Fingerprint.of(TITLE, SUMMARY);
    Fingerprint back = Fingerprint.restore(f.signatureBytes(), f.marks());
    assertThat(back.similarity(f)).isEqualTo(1.0);
    assertThat(back.bands()).isEqualTo(f.bands());
    assertThat(back.contradicts(f)).isFalse();
  }

  @Test
  void shortTextsHaveNoFingerprintToCompare() {
    Fingerprint shortTitle = Fingerprint.of("Hội nghị Trung ương", "");
    assertThat(shortTitle.isEmpty()).isTrue();
    assertThat(shortTitle.bands()).isEmpty();
    assertThat(shortTitle.similarity(shortTitle)).isZero();
  }
}
