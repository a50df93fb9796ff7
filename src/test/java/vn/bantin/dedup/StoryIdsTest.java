package vn.bantin.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryIdsTest {

  @Test
  void sameFirstSightingMintsSameId() {
    assertThat(StoryIds.mint("vov-chinh-tri", "https://vov.vn/a-1.vov"))
        .isEqualTo(StoryIds.mint("vov-chinh-tri", "https://vov.vn/a-1.vov"));
  }

  @Test
  void idIsSixteenLowerCaseBase32Characters() {
    assertThat(StoryIds.mint("vov-chinh-tri", "guid-1")).matches("[a-z2-7]{16}");
  }

  @Test
  void idIsPinnedSoItNeverChangesAcrossReleases() {
    // RFC 4648 base32 of the first 10 bytes of SHA-256("a\0b"), computed independently: a changed
    // algorithm would give every published story a new id and readers would see it twice.
    assertThat(StoryIds.mint("a", "b")).isEqualTo("lgzhdlq3xsy5ghkb");
    assertThat(StoryIds.mint("vov-chinh-tri", "https://vov.vn/a-1.vov"))
        .isEqualTo("32qed22nhfslv432");
  }

  @Test
  void differentSightingsMintDifferentIds() {
    assertThat(StoryIds.mint("vov-chinh-tri", "guid-1"))
        .isNotEqualTo(StoryIds.mint("vov-chinh-tri", "guid-2"))
        .isNotEqualTo(StoryIds.mint("nhandan", "guid-1"));
  }

  @Test
  void separatorKeepsSourceAndKeyApart() {
    assertThat(StoryIds.mint("ab", "c")).isNotEqualTo(StoryIds.mint("a", "bc"));
  }
}
