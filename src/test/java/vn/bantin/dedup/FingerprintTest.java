package vn.bantin.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import vn.bantin.dedup.LabeledPairs.Pair;

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

  @Test
  void theLeastAgreeingPositionsAreExactlyTheNearThreshold() {
    for (int equal = 0; equal <= Fingerprint.SIZE; equal++) {
      assertThat(equal >= Fingerprint.LEAST_NEAR_AGREEING)
          .as("%d equal positions", equal)
          .isEqualTo(equal / (double) Fingerprint.SIZE >= StoryIdentity.NEAR_THRESHOLD);
    }
  }

  @Test
  void sketchesAgreeAtLeastWhereSignaturesDo() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 2_000; round++) {
      int[] a = new int[MinHash.SIZE];
      int[] b = new int[MinHash.SIZE];
      int equal = 0;
      for (int i = 0; i < MinHash.SIZE; i++) {
        a[i] = random.nextInt();
        // Equal, equal in the low four bits only, or unrelated.
        int kind = random.nextInt(3);
        b[i] = kind == 0 ? a[i] : kind == 1 ? a[i] ^ (random.nextInt(1, 1 << 28) << 4)
            : random.nextInt();
        equal += a[i] == b[i] ? 1 : 0;
      }
      int lowBitsEqual = 0;
      for (int i = 0; i < MinHash.SIZE; i++) {
        lowBitsEqual += (a[i] & 0xf) == (b[i] & 0xf) ? 1 : 0;
      }
      int agreeing = MinHash.sketchAgreement(MinHash.sketch(a), 0, MinHash.sketch(b));
      assertThat(agreeing).isEqualTo(lowBitsEqual).isGreaterThanOrEqualTo(equal);
    }
  }

  @Test
  void aSketchRulesOutUnrelatedTextsButNeverANearOne() {
    List<Pair> pairs = new ArrayList<>(LabeledPairs.load("/dedup/pairs-same.jsonl"));
    pairs.addAll(LabeledPairs.load("/dedup/pairs-different.jsonl"));
    int near = 0;
    int ruledOut = 0;
    int unrelated = 0;
    for (Pair pair : pairs) {
      Fingerprint a = StoryIdentity.keysOf(pair.a()).fingerprint();
      Fingerprint b = StoryIdentity.keysOf(pair.b()).fingerprint();
      if (a.isEmpty() || b.isEmpty()) {
        continue;
      }
      if (a.similarity(b) >= StoryIdentity.NEAR_THRESHOLD) {
        near++;
        assertThat(a.mayBeNear(b.sketch(), 0)).as(pair.id()).isTrue();
        assertThat(b.mayBeNear(a.sketch(), 0)).as(pair.id()).isTrue();
      } else if (a.similarity(b) < 0.2) {
        unrelated++;
        ruledOut += a.mayBeNear(b.sketch(), 0) ? 0 : 1;
      }
    }
    assertThat(near).isGreaterThan(100);
    assertThat(unrelated).isGreaterThanOrEqualTo(50);
    assertThat(ruledOut).isEqualTo(unrelated);
  }
}
