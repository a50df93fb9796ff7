package vn.bantin.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bantin.dedup.StoryIdentity.Match;
import vn.bantin.dedup.StoryIdentity.Rule;
import vn.bantin.model.Entry;

class StoryIdentityTest {

  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

  private static Entry entry(String source, String key, String link, String title, Instant at) {
    return new Entry(source, key, link, title, "", "", null, at, at);
  }

  static Stream<Arguments> pairs() {
    Entry vov = entry("vov", "g1", "https://vov.vn/a-1.vov", "Hội nghị Trung ương", T0);
    return Stream.of(
        Arguments.of("same source and key", vov,
            entry("vov", "g1", "https://vov.vn/other", "Tiêu đề khác", T0.plus(Duration.ofDays(9))),
            Rule.SAME_SOURCE_KEY),
        Arguments.of("same key, other source", vov,
            entry("nhandan", "g1", null, "Khác", T0), null),
        Arguments.of("same canonical link", vov,
            entry("nhandan", "n9", "http://www.vov.vn/a-1.vov?utm_source=rss", "Khác", T0),
            Rule.SAME_CANONICAL_LINK),
        Arguments.of("same title 47 h apart", vov,
            entry("nhandan", "n9", null, "HỘI NGHỊ TRUNG ƯƠNG.", T0.plus(Duration.ofHours(47))),
            Rule.SAME_TITLE),
        Arguments.of("same title exactly 48 h apart", vov,
            entry("nhandan", "n9", null, "Hội nghị Trung ương", T0.minus(Duration.ofHours(48))),
            Rule.SAME_TITLE),
        Arguments.of("same title 49 h apart, too short to compare the text", vov,
            entry("nhandan", "n9", null, "Hội nghị Trung ương", T0.plus(Duration.ofHours(49))),
            null),
        Arguments.of("shared words of a short title", vov,
            entry("nhandan", "n9", null, "Hội nghị Trung ương sơ kết", T0), null),
        Arguments.of("empty titles never match", entry("vov", "a", null, "", T0),
            entry("nhandan", "b", null, " ", T0), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void sameStoryFollowsTheRulesInOrder(String name, Entry a, Entry b, Rule rule) {
    assertThat(StoryIdentity.sameStory(a, b)).isEqualTo(Optional.ofNullable(rule));
    assertThat(StoryIdentity.sameStory(b, a)).isEqualTo(Optional.ofNullable(rule));
  }

  /** A lookup that records the questions asked and answers from fixed tables. */
  private static final class FakeLookup implements StoryIdentity.Lookup<RuntimeException> {
    final List<String> asked = new ArrayList<>();
    String ofEntry;
    String withLink;
    String withTitle;

    @Override
    public String storyOfEntry(String sourceId, String entryKey) {
      asked.add("entry " + sourceId + "/" + entryKey);
      return ofEntry;
    }

    @Override
    public String storyWithLink(String canonicalLink) {
      asked.add("link " + canonicalLink);
      return withLink;
    }

    @Override
    public String storyWithTitle(String titleKey, Instant from, Instant to) {
      asked.add("title " + titleKey + " " + from + " " + to);
      return withTitle;
    }

    @Override
    public List<StoryIdentity.Candidate> nearCandidates(Fingerprint fingerprint, Instant from,
        Instant to) {
      asked.add("near " + fingerprint.bands().length + " bands " + from + " " + to);
      return near;
    }

    List<StoryIdentity.Candidate> near = List.of();
  }

  private static final Entry INCOMING =
      entry("baolaichau", "k1", "https://baolaichau.vn/tin/1", "Tin Lai Châu", T0);

  @Test
  void knownEntryWinsWithoutFurtherLookups() {
    FakeLookup lookup = new FakeLookup();
    lookup.ofEntry = "s1";
    lookup.withLink = "s2";
    assertThat(StoryIdentity.match(INCOMING, StoryIdentity.keysOf(INCOMING), lookup))
        .contains(new Match("s1", Rule.SAME_SOURCE_KEY));
    assertThat(lookup.asked).containsExactly("entry baolaichau/k1");
  }

  @Test
  void linkIsTriedBeforeTitle() {
    FakeLookup lookup = new FakeLookup();
    lookup.withLink = "s2";
    lookup.withTitle = "s3";
    assertThat(StoryIdentity.match(INCOMING, StoryIdentity.keysOf(INCOMING), lookup))
        .contains(new Match("s2", Rule.SAME_CANONICAL_LINK));
  }

  @Test
  void titleIsLookedUpWithinTheWindowAroundPublished() {
    FakeLookup lookup = new FakeLookup();
    lookup.withTitle = "s3";
    assertThat(StoryIdentity.match(INCOMING, StoryIdentity.keysOf(INCOMING), lookup))
        .contains(new Match("s3", Rule.SAME_TITLE));
    assertThat(lookup.asked).containsExactly("entry baolaichau/k1",
        "link //baolaichau.vn/tin/1",
        "title tin lai châu 2025-02-27T08:00:00Z 2025-03-03T08:00:00Z");
  }

  @Test
  void noMatchMeansNewStoryAndMissingKeysAreNotLookedUp() {
    FakeLookup lookup = new FakeLookup();
    Entry bare = entry("baolaichau", "k2", null, "", T0);
    assertThat(StoryIdentity.match(bare, StoryIdentity.keysOf(bare), lookup)).isEmpty();
    assertThat(lookup.asked).containsExactly("entry baolaichau/k2");
  }

  private static final String SUMMARY = "<p>VOV.VN - Sáng 24/11, Ban Thường vụ Tỉnh ủy Lai Châu"
      + " tổ chức hội nghị sơ kết công tác xây dựng nông thôn mới 10 tháng năm 2026.</p>";

  @Test
  void nearDuplicatesAreLookedUpLastAndAContradictionIsSkipped() {
    Entry incoming = new Entry("baolaichau", "k3", "https://baolaichau.vn/tin/3",
        "Lai Châu sơ kết xây dựng nông thôn mới", SUMMARY.replace("VOV.VN", "(BLC)"), "", null,
        T0, T0);
    Fingerprint otherProvince = Fingerprint.of("Điện Biên sơ kết xây dựng nông thôn mới",
        SUMMARY.replace("Lai Châu", "Điện Biên"));
    Fingerprint same = Fingerprint.of("Lai Châu: sơ kết 10 tháng xây dựng nông thôn mới",
        SUMMARY);
    FakeLookup lookup = new FakeLookup();
    lookup.near = List.of(new StoryIdentity.Candidate("dien-bien", otherProvince),
        new StoryIdentity.Candidate("lai-chau", same));

    assertThat(StoryIdentity.match(incoming, StoryIdentity.keysOf(incoming), lookup))
        .contains(new Match("lai-chau", Rule.NEAR_DUPLICATE));
    assertThat(lookup.asked).last().isEqualTo("near 16 bands " + T0.minus(Duration.ofHours(72))
        + " " + T0.plus(Duration.ofHours(72)));
  }
}
