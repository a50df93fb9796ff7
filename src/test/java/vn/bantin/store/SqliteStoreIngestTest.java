package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;
import static vn.bantin.store.StoreFixture.await;
import static vn.bantin.store.StoreFixture.config;
import static vn.bantin.store.StoreFixture.entry;
import static vn.bantin.store.StoreFixture.hoursAgo;
import static vn.bantin.store.StoreFixture.polled;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.dedup.StoryIds;
import vn.bantin.model.Entry;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;

class SqliteStoreIngestTest {

  @TempDir Path dir;
  private Vertx vertx;
  private SqliteStore store;

  @BeforeEach
  void open() throws Exception {
    vertx = StoreFixture.vertx();
    store = StoreFixture.open(vertx, dir);
    await(store.syncSources(List.of(
        config("vov", "VOV – Chính trị", "https://vov.vn/rss/chinh-tri.rss"),
        config("nhandan", "Nhân Dân", "https://nhandan.vn/rss/chinhtri.rss"))));
  }

  @AfterEach
  void close() throws Exception {
    await(store.close());
    await(vertx.close());
  }

  private IngestResult ingest(String source, Entry... entries) throws Exception {
    return await(store.ingest(polled(source, null, null), List.of(entries)));
  }

  private List<Story> all() throws Exception {
    return await(store.latest(null, 100, null));
  }

  @Test
  void newEntriesBecomeStoriesWithMintedIds() throws Exception {
    assertThat(ingest("vov",
        entry("vov", "g1", "https://vov.vn/a-1.vov", "Hội nghị Trung ương", hoursAgo(2)),
        entry("vov", "g2", "https://vov.vn/a-2.vov", "Kỳ họp Quốc hội", hoursAgo(1))))
        .isEqualTo(new IngestResult(2, 0, 0, 0, Set.of()));
    assertThat(all()).extracting(Story::id)
        .containsExactly(StoryIds.mint("vov", "g2"), StoryIds.mint("vov", "g1"));
  }

  @Test
  void reingestingTheSameEntriesIsKnownAndKeepsIds() throws Exception {
    Entry e = entry("vov", "g1", "https://vov.vn/a-1.vov", "Hội nghị Trung ương", hoursAgo(2));
    ingest("vov", e);
    List<Story> before = all();
    assertThat(ingest("vov", e)).isEqualTo(new IngestResult(0, 0, 1, 0, Set.of()));
    assertThat(all()).isEqualTo(before);
  }

  @Test
  void sameCanonicalLinkFromAnotherSourceJoinsTheFirstSighting() throws Exception {
    Entry first = entry("vov", "g1", "https://vov.vn/a-1.vov?utm_source=rss", "Tin VOV",
        hoursAgo(5));
    Entry second = entry("nhandan", "n7", "http://www.vov.vn/a-1.vov/", "Tin đăng lại",
        hoursAgo(3));
    ingest("vov", first);
    assertThat(ingest("nhandan", second)).isEqualTo(new IngestResult(0, 1, 0, 0, Set.of()));

    assertThat(all()).singleElement().satisfies(story -> {
      assertThat(story.id()).isEqualTo(StoryIds.mint("vov", "g1"));
      assertThat(story.link()).isEqualTo(first.link());
      assertThat(story.title()).isEqualTo("Tin VOV");
      assertThat(story.published()).isEqualTo(first.published());
      assertThat(story.sources()).containsExactly(
          new SourceRef("vov", "VOV – Chính trị", first.link()),
          new SourceRef("nhandan", "Nhân Dân", second.link()));
    });
  }

  @Test
  void sameTitleWithin48HoursJoins() throws Exception {
    ingest("vov", entry("vov", "g1", "https://vov.vn/a", "Hội nghị Trung ương", hoursAgo(50)));
    assertThat(ingest("nhandan", entry("nhandan", "n1", "https://nhandan.vn/b",
        "HỘI NGHỊ TRUNG ƯƠNG!", hoursAgo(2)))).isEqualTo(new IngestResult(0, 1, 0, 0, Set.of()));
    assertThat(all()).singleElement().extracting(s -> s.sources().size()).isEqualTo(2);
  }

  @Test
  void sameTitle49HoursApartStaysTwoStories() throws Exception {
    ingest("vov", entry("vov", "g1", "https://vov.vn/a", "Hội nghị Trung ương", hoursAgo(51)));
    assertThat(ingest("nhandan", entry("nhandan", "n1", "https://nhandan.vn/b",
        "Hội nghị Trung ương", hoursAgo(2)))).isEqualTo(new IngestResult(1, 0, 0, 0, Set.of()));
    assertThat(all()).hasSize(2);
  }

  @Test
  void storyIsFoundThroughTheLinkOfAnyOfItsSources() throws Exception {
    ingest("vov", entry("vov", "g1", "https://vov.vn/a", "Hội nghị Trung ương", hoursAgo(5)));
    ingest("nhandan", entry("nhandan", "n1", "https://nhandan.vn/b", "Hội nghị Trung ương",
        hoursAgo(4)));
    // Another title, dated far away: only Nhân Dân's link ties it to the story.
    assertThat(ingest("nhandan", entry("nhandan", "n2", "https://nhandan.vn/b?zarsrc=30",
        "Bài khác", hoursAgo(200)))).isEqualTo(new IngestResult(0, 1, 0, 0, Set.of()));
  }

  @Test
  void entriesOfOneFeedMatchingEachOtherJoin() throws Exception {
    assertThat(ingest("vov",
        entry("vov", "g1", "https://vov.vn/a", "Tin một", hoursAgo(3)),
        entry("vov", "g2", "https://vov.vn/a#comments", "Tin một (cập nhật)", hoursAgo(2))))
        .isEqualTo(new IngestResult(1, 1, 0, 0, Set.of()));
    assertThat(all()).singleElement().extracting(Story::sources, list(SourceRef.class))
        .containsExactly(new SourceRef("vov", "VOV – Chính trị", "https://vov.vn/a"));
  }

  @Test
  void editOfTheFirstSightingUpdatesTheStoryTextButNotItsIdentity() throws Exception {
    Entry original = entry("vov", "g1", "https://vov.vn/a", "Tin một", hoursAgo(3));
    ingest("vov", original);
    ingest("nhandan", entry("nhandan", "n1", "https://vov.vn/a", "Tiêu đề khác", hoursAgo(2)));
    Entry edited = entry("vov", "g1", "https://vov.vn/a", "Tin một (sửa)", hoursAgo(1));
    assertThat(ingest("vov", edited)).isEqualTo(new IngestResult(0, 0, 1, 1, Set.of()));
    assertThat(ingest("vov", edited)).as("the same text again is no edit")
        .isEqualTo(new IngestResult(0, 0, 1, 0, Set.of()));

    Story story = all().get(0);
    assertThat(story.title()).isEqualTo("Tin một (sửa)");
    assertThat(story.summaryHtml()).isEqualTo("<p>Tin một (sửa)</p>");
    assertThat(story.id()).isEqualTo(StoryIds.mint("vov", "g1"));
    assertThat(story.published()).isEqualTo(original.published());
  }

  @Test
  void editOfAJoinedEntryLeavesTheStoryText() throws Exception {
    ingest("vov", entry("vov", "g1", "https://vov.vn/a", "Tin một", hoursAgo(3)));
    ingest("nhandan", entry("nhandan", "n1", "https://vov.vn/a", "Tiêu đề khác", hoursAgo(2)));
    assertThat(ingest("nhandan", entry("nhandan", "n1", "https://vov.vn/a", "Sửa", hoursAgo(2))))
        .isEqualTo(new IngestResult(0, 0, 1, 0, Set.of()));
    assertThat(all().get(0).title()).isEqualTo("Tin một");
  }

  @Test
  void failedIngestLeavesValidatorsAndEntriesAsTheyWere() throws Exception {
    await(store.ingest(polled("vov", "\"v1\"", "Mon, 10 Mar 2025 07:00:00 GMT"),
        List.of(entry("vov", "g1", "https://vov.vn/a", "Tin một", hoursAgo(3)))));
    List<Story> before = all();

    // The second entry fails after the first was written: the whole poll must roll back.
    var failed = store.ingest(polled("vov", "\"v2\"", "Mon, 10 Mar 2025 08:00:00 GMT"), List.of(
        entry("vov", "g2", "https://vov.vn/b", "Tin hai", hoursAgo(1)),
        entry("nhandan", "n1", "https://nhandan.vn/c", "Tin ba", hoursAgo(1))));
    assertThatThrownBy(() -> await(failed)).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class);

    assertThat(await(store.sourceStates()).get("vov").etag()).isEqualTo("\"v1\"");
    assertThat(await(store.entryCounts())).isEqualTo(Map.of("vov", 1L));
    assertThat(all()).isEqualTo(before);
    // The writer is usable afterwards: the same poll succeeds when retried correctly.
    assertThat(await(store.ingest(polled("vov", "\"v2\"", null),
        List.of(entry("vov", "g2", "https://vov.vn/b", "Tin hai", hoursAgo(1))))))
        .isEqualTo(new IngestResult(1, 0, 0, 0, Set.of()));
  }

  @Test
  void theFirstSightingListsFirstEvenWhenAConcurrentPollFetchedEarlier() throws Exception {
    // Nhân Dân's poll fetched first but was written second: VOV made the story.
    ingest("vov", entry("vov", "g1", "https://vov.vn/a", "Tin một", hoursAgo(3), hoursAgo(1)));
    ingest("nhandan",
        entry("nhandan", "n1", "http://vov.vn/a/", "Tin một", hoursAgo(3), hoursAgo(2)));
    Story story = all().get(0);
    assertThat(story.link()).isEqualTo("https://vov.vn/a");
    assertThat(story.sources()).extracting(SourceRef::id).containsExactly("vov", "nhandan");
  }
}
