package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.store.StoreFixture.NOW;
import static vn.bantin.store.StoreFixture.await;
import static vn.bantin.store.StoreFixture.config;
import static vn.bantin.store.StoreFixture.entry;
import static vn.bantin.store.StoreFixture.hoursAgo;
import static vn.bantin.store.StoreFixture.polled;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.dedup.StoryIds;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;

class SqliteStoreReadTest {

  @TempDir Path dir;
  private Vertx vertx;
  private SqliteStore store;

  @BeforeEach
  void open() throws Exception {
    vertx = StoreFixture.vertx();
    store = StoreFixture.open(vertx, dir);
    await(store.syncSources(List.of(config("vov", "VOV", "https://vov.vn/rss"),
        config("nhandan", "Nhân Dân", "https://nhandan.vn/rss"),
        config("laichau", "Báo Lai Châu", "https://baolaichau.vn/rss"))));
    // vov: a (10 h), b (6 h); nhandan: c (8 h), and b again; laichau: d (4 h)
    await(store.ingest(polled("vov", null, null), List.of(
        entry("vov", "a", "https://vov.vn/a", "Tin A", hoursAgo(10)),
        entry("vov", "b", "https://vov.vn/b", "Tin B", hoursAgo(6)))));
    await(store.ingest(polled("nhandan", null, null), List.of(
        entry("nhandan", "c", "https://nhandan.vn/c", "Tin C", hoursAgo(8)),
        entry("nhandan", "b2", "https://nhandan.vn/b2", "Tin B", hoursAgo(5)))));
    await(store.ingest(polled("laichau", null, null), List.of(
        entry("laichau", "d", "https://baolaichau.vn/d", "Tin D", hoursAgo(4)))));
  }

  @AfterEach
  void close() throws Exception {
    await(store.close());
    await(vertx.close());
  }

  private List<String> titles(Set<String> sources, int limit, java.time.Instant since)
      throws Exception {
    return await(store.latest(sources, limit, since)).stream().map(Story::title).toList();
  }

  @Test
  void latestIsNewestFirstAcrossAllSources() throws Exception {
    assertThat(titles(null, 10, null)).containsExactly("Tin D", "Tin B", "Tin C", "Tin A");
  }

  @Test
  void latestTakesStoriesCarriedByAnyOfTheSources() throws Exception {
    assertThat(titles(Set.of("nhandan"), 10, null)).containsExactly("Tin B", "Tin C");
    assertThat(titles(Set.of("vov", "laichau"), 10, null))
        .containsExactly("Tin D", "Tin B", "Tin A");
    assertThat(titles(Set.of(), 10, null)).isEmpty();
    assertThat(titles(Set.of("unknown"), 10, null)).isEmpty();
  }

  @Test
  void latestHonoursLimitAndSince() throws Exception {
    assertThat(titles(null, 2, null)).containsExactly("Tin D", "Tin B");
    assertThat(titles(null, 10, hoursAgo(8))).containsExactly("Tin D", "Tin B", "Tin C");
    assertThat(titles(null, 0, null)).isEmpty();
  }

  @Test
  void storiesPublishedAtTheSameInstantAreOrderedById() throws Exception {
    await(store.ingest(polled("laichau", null, null), List.of(
        entry("laichau", "x", "https://baolaichau.vn/x", "Tin X", NOW),
        entry("laichau", "y", "https://baolaichau.vn/y", "Tin Y", NOW))));
    List<String> ids = await(store.latest(null, 2, null)).stream().map(Story::id).toList();
    assertThat(ids).containsExactlyInAnyOrder(StoryIds.mint("laichau", "x"),
        StoryIds.mint("laichau", "y"));
    assertThat(ids.get(0)).isGreaterThan(ids.get(1));
  }

  @Test
  void storyListsEverySourceThatCarriedItFirstSightingFirst() throws Exception {
    Story b = await(store.latest(Set.of("nhandan"), 1, null)).get(0);
    assertThat(b.sources()).containsExactly(new SourceRef("vov", "VOV", "https://vov.vn/b"),
        new SourceRef("nhandan", "Nhân Dân", "https://nhandan.vn/b2"));
  }

  @Test
  void entryCountsCountEntriesNotStories() throws Exception {
    assertThat(await(store.entryCounts()))
        .isEqualTo(Map.of("vov", 2L, "nhandan", 2L, "laichau", 1L));
  }

  @Test
  void pruneDeletesOnlyOldStoriesNoSourceCarriesAnyMore() throws Exception {
    // Lai Châu still carries D: re-seen now, although published 4 h ago.
    await(store.ingest(polled("laichau", null, null), List.of(
        entry("laichau", "d", "https://baolaichau.vn/d", "Tin D", hoursAgo(4), NOW))));
    // Cut-off 3 h ago: A, B (both sources) and C were last seen before it.
    assertThat(await(store.prune(hoursAgo(3)))).isEqualTo(3);
    assertThat(titles(null, 10, null)).containsExactly("Tin D");
    assertThat(await(store.entryCounts())).isEqualTo(Map.of("laichau", 1L));
  }

  @Test
  void pruneKeepsStoriesPublishedAfterTheCutoff() throws Exception {
    assertThat(await(store.prune(hoursAgo(7)))).isEqualTo(2);
    assertThat(titles(null, 10, null)).containsExactly("Tin D", "Tin B");
  }

  @Test
  void reopenKeepsStoriesIdsAndSchemaVersion() throws Exception {
    List<Story> before = await(store.latest(null, 10, null));
    await(store.close());
    store = StoreFixture.open(vertx, dir);
    assertThat(await(store.latest(null, 10, null))).isEqualTo(before);
    assertThat(await(store.ingest(polled("vov", null, null), List.of(
        entry("vov", "a", "https://vov.vn/a", "Tin A", hoursAgo(10))))))
        .isEqualTo(new IngestResult(0, 0, 1, 0, Set.of()));
  }
}
