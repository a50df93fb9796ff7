package vn.bantin.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
            true),
        Arguments.of("same key, other source", vov,
            entry("nhandan", "g1", null, "Khác", T0), false),
        Arguments.of("same canonical link", vov,
            entry("nhandan", "n9", "http://www.vov.vn/a-1.vov?utm_source=rss", "Khác", T0), true),
        Arguments.of("same title 47 h apart", vov,
            entry("nhandan", "n9", null, "HỘI NGHỊ TRUNG ƯƠNG.", T0.plus(Duration.ofHours(47))),
            true),
        Arguments.of("same title exactly 48 h apart", vov,
            entry("nhandan", "n9", null, "Hội nghị Trung ương", T0.minus(Duration.ofHours(48))),
            true),
        Arguments.of("same title 49 h apart", vov,
            entry("nhandan", "n9", null, "Hội nghị Trung ương", T0.plus(Duration.ofHours(49))),
            false),
        Arguments.of("shared words only", vov,
            entry("nhandan", "n9", null, "Hội nghị Trung ương sơ kết", T0), false),
        Arguments.of("empty titles never match", entry("vov", "a", null, "", T0),
            entry("nhandan", "b", null, " ", T0), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void sameStoryFollowsRulesOneToThree(String name, Entry a, Entry b, boolean same) {
    assertThat(StoryIdentity.sameStory(a, b)).isEqualTo(same);
    assertThat(StoryIdentity.sameStory(b, a)).isEqualTo(same);
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
}
