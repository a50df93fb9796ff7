package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TitleBandTest {

  @Test
  void aKeyAndItsStoredUtf8BytesGiveOnePosting() {
    String key = "hội nghị trung ương lần thứ 14";
    assertThat(TitleBand.of(key.getBytes(StandardCharsets.UTF_8))).isEqualTo(TitleBand.of(key));
    assertThat(TitleBand.of("đảng")).isNotEqualTo(TitleBand.of("đang"));
  }

  @Test
  void theTitlePostingGoesLastAndOnlyWhenThereIsAKey() {
    long[] bands = {1, 2};
    assertThat(TitleBand.with(bands, (String) null)).isSameAs(bands);
    assertThat(TitleBand.with(bands, (byte[]) null)).isSameAs(bands);
    assertThat(TitleBand.with(bands, "tin")).containsExactly(1, 2, TitleBand.of("tin"));
  }
}
