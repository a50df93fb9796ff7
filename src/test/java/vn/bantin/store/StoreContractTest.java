package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.bantin.store.StoreFixture.NOW;
import static vn.bantin.store.StoreFixture.await;
import static vn.bantin.store.StoreFixture.config;
import static vn.bantin.store.StoreFixture.entry;
import static vn.bantin.store.StoreFixture.hoursAgo;
import static vn.bantin.store.StoreFixture.polled;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.bantin.dedup.StoryIds;
import vn.bantin.model.Entry;
import vn.bantin.model.FailureCode;
import vn.bantin.model.SourceRef;
import vn.bantin.model.SourceState;
import vn.bantin.model.Story;

/**
 * What every {@link Store} does, through the interface alone: the contract's duplicate rules 1
 * to 4, category membership, reading, pruning, source state and its validators, one transaction
 * per poll, closing. Each store runs it by extending it ({@code SqliteStoreContractTest},
 * {@code PgStoreContractTest}).
 */
public abstract class StoreContractTest {
  /**
   * Files every story under "all" and under "from-" + each source that carried it, so a test can
   * read what was written through {@link Store#stories}.
   */
  private static final Function<Story, Set<String>> EVERYTHING = story -> {
    Set<String> ids = new TreeSet<>(Set.of("all"));
    story.sources().forEach(s -> ids.add("from-" + s.id()));
    return ids;
  };
  /** "all" takes every story; "dang" the ones whose title says Đảng; "nd" Nhân Dân's. */
  private static final Function<Story, Set<String>> RULES = story -> {
    Set<String> ids = new TreeSet<>(Set.of("all"));
    if (story.title().contains("Đảng")) {
      ids.add("dang");
    }
    if (story.sources().stream().anyMatch(s -> s.id().equals("nhandan"))) {
      ids.add("nd");
    }
    return ids;
  };
  protected static final String VOV_SUMMARY = "VOV.VN - Sáng 24/11, tại thành phố Lai Châu, Ban"
      + " Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết công tác xây dựng nông thôn mới, đánh giá"
      + " kết quả 10 tháng năm 2026 với 62 xã đạt chuẩn và đề ra nhiệm vụ trọng tâm đến cuối"
      + " năm.";
  protected static final String BLC_SUMMARY = "(BLC) - Sáng 24/11, tại thành phố Lai Châu, Ban"
      + " Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết công tác xây dựng nông thôn mới, đánh giá"
      + " kết quả 10 tháng năm 2026 với 62 xã đạt chuẩn, đề ra nhiệm vụ trọng tâm đến cuối năm.";

  protected Vertx vertx;
  protected Store store;

  /**
   * Opens the store under test on this test's storage, created empty by the first call of the
   * test; later calls in the same test open the same storage again (a restart, or a second
   * instance).
   */
  protected abstract Store openStore(Vertx vertx) throws Exception;

  @BeforeEach
  void openTheStore() throws Exception {
    vertx = StoreFixture.vertx();
    store = openStore(vertx);
    await(store.syncSources(List.of(
        config("vov", "VOV – Chính trị", "https://vov.vn/rss/chinh-tri.rss"),
        config("nhandan", "Nhân Dân", "https://nhandan.vn/rss/chinhtri.rss"),
        config("laichau", "Báo Lai Châu", "https://baolaichau.vn/rss"),
        config("dienbien", "Báo Điện Biên Phủ", "https://baodienbienphu.com.vn/rss"))));
  }

  @AfterEach
  void closeTheStore() throws Exception {
    await(store.close());
    await(vertx.close());
  }

  protected IngestResult ingest(String source, Entry... entries) throws Exception {
    return await(store.ingest(polled(source, null, null), List.of(entries)));
  }

  /** New, joined, known, edited. */
  protected static List<Integer> counts(IngestResult result) {
    return List.of(result.newStories(), result.joined(), result.known(), result.edited());
  }

  /** Every stored story, newest first. */
  protected List<Story> all() throws Exception {
    return carriedBy(null);
  }

  /** Every stored story that {@code sourceId} carried ({@code null}: any), newest first. */
  protected List<Story> carriedBy(String sourceId) throws Exception {
    await(store.categorize("everything", EVERYTHING));
    return await(store.stories(sourceId == null ? "all" : "from-" + sourceId, 500, null));
  }

  private List<String> titles(String category) throws Exception {
    return await(store.stories(category, 50, null)).stream().map(Story::title).toList();
  }

  /** An entry whose summary the near-duplicate rule compares; keyed by its link. */
  protected static Entry near(String source, String link, String title, String summary,
      Instant published) {
    return new Entry(source, "link:" + link, link, title, "<p>" + summary + "</p>", "", null,
        published, published.plus(Duration.ofMinutes(5)));
  }

  // Rules 1 to 4 of the contract's "Duplicates".

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
    assertThat(counts(ingest("nhandan", second))).containsExactly(0, 1, 0, 0);

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
    assertThat(counts(ingest("nhandan", entry("nhandan", "n1", "https://nhandan.vn/b",
        "HỘI NGHỊ TRUNG ƯƠNG!", hoursAgo(2))))).containsExactly(0, 1, 0, 0);
    assertThat(all()).singleElement().extracting(s -> s.sources().size()).isEqualTo(2);
  }

  @Test
  void sameTitle49HoursApartStaysTwoStories() throws Exception {
    ingest("vov", entry("vov", "g1", "https://vov.vn/a", "Hội nghị Trung ương", hoursAgo(51)));
    assertThat(counts(ingest("nhandan", entry("nhandan", "n1", "https://nhandan.vn/b",
        "Hội nghị Trung ương", hoursAgo(2))))).containsExactly(1, 0, 0, 0);
    assertThat(all()).hasSize(2);
  }

  @Test
  void anEditedTitleIsMatchedByItsNewTitleNotItsOld() throws Exception {
    ingest("vov", entry("vov", "g1", "https://vov.vn/a", "Tin một", hoursAgo(5)));
    assertThat(counts(ingest("vov", entry("vov", "g1", "https://vov.vn/a",
        "Hội nghị Trung ương", hoursAgo(5))))).containsExactly(0, 0, 1, 1);

    assertThat(counts(ingest("nhandan", entry("nhandan", "n1", "https://nhandan.vn/b",
        "Tin một", hoursAgo(4))))).as("the old title").containsExactly(1, 0, 0, 0);
    assertThat(counts(ingest("laichau", entry("laichau", "l1", "https://baolaichau.vn/c",
        "HỘI NGHỊ TRUNG ƯƠNG", hoursAgo(3))))).as("the new title").containsExactly(0, 1, 0, 0);
  }

  @Test
  void storyIsFoundThroughTheLinkOfAnyOfItsSources() throws Exception {
    ingest("vov", entry("vov", "g1", "https://vov.vn/a", "Hội nghị Trung ương", hoursAgo(5)));
    ingest("nhandan", entry("nhandan", "n1", "https://nhandan.vn/b", "Hội nghị Trung ương",
        hoursAgo(4)));
    // Another title, dated far away: only Nhân Dân's link ties it to the story.
    assertThat(counts(ingest("nhandan", entry("nhandan", "n2", "https://nhandan.vn/b?zarsrc=30",
        "Bài khác", hoursAgo(200))))).containsExactly(0, 1, 0, 0);
  }

  @Test
  void entriesOfOneFeedMatchingEachOtherJoin() throws Exception {
    assertThat(counts(ingest("vov",
        entry("vov", "g1", "https://vov.vn/a", "Tin một", hoursAgo(3)),
        entry("vov", "g2", "https://vov.vn/a#comments", "Tin một (cập nhật)", hoursAgo(2)))))
        .containsExactly(1, 1, 0, 0);
    assertThat(all()).singleElement().extracting(Story::sources)
        .isEqualTo(List.of(new SourceRef("vov", "VOV – Chính trị", "https://vov.vn/a")));
  }

  @Test
  void aRephrasedCopyWithAnotherBylineJoinsTheStory() throws Exception {
    ingest("vov", near("vov", "https://vov.vn/a-post1.vov",
        "Lai Châu sơ kết 10 tháng xây dựng nông thôn mới", VOV_SUMMARY, hoursAgo(5)));
    assertThat(counts(ingest("laichau", near("laichau", "https://baolaichau.vn/tin/42",
        "Tỉnh Lai Châu: 62 xã đạt chuẩn nông thôn mới sau 10 tháng", BLC_SUMMARY,
        hoursAgo(2))))).containsExactly(0, 1, 0, 0);
    Story story = all().get(0);
    assertThat(story.sources()).extracting(SourceRef::id).containsExactly("vov", "laichau");
    assertThat(story.link()).isEqualTo("https://vov.vn/a-post1.vov");
  }

  @Test
  void theSameTextAboutAnotherProvinceIsAnotherStory() throws Exception {
    ingest("vov", near("vov", "https://vov.vn/a-post1.vov",
        "Lai Châu sơ kết 10 tháng xây dựng nông thôn mới", VOV_SUMMARY, hoursAgo(5)));
    assertThat(counts(ingest("dienbien", near("dienbien", "https://baodienbienphu.com.vn/tin/7",
        "Điện Biên sơ kết 10 tháng xây dựng nông thôn mới", VOV_SUMMARY.replace("VOV.VN", "ĐBP")
            .replace("thành phố Lai Châu", "thành phố Điện Biên Phủ"), hoursAgo(2)))))
        .containsExactly(1, 0, 0, 0);
  }

  @Test
  void nearDuplicatesFarApartInTimeAreOtherStories() throws Exception {
    ingest("vov", near("vov", "https://vov.vn/a-post1.vov",
        "Lai Châu sơ kết 10 tháng xây dựng nông thôn mới", VOV_SUMMARY, hoursAgo(100)));
    assertThat(counts(ingest("laichau", near("laichau", "https://baolaichau.vn/tin/42",
        "Tỉnh Lai Châu: 62 xã đạt chuẩn nông thôn mới sau 10 tháng", BLC_SUMMARY,
        hoursAgo(2))))).containsExactly(1, 0, 0, 0);
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
  void theFirstSightingListsFirstEvenWhenAConcurrentPollFetchedEarlier() throws Exception {
    // Nhân Dân's poll fetched first but was written second: VOV made the story.
    ingest("vov", entry("vov", "g1", "https://vov.vn/a", "Tin một", hoursAgo(3), hoursAgo(1)));
    ingest("nhandan",
        entry("nhandan", "n1", "http://vov.vn/a/", "Tin một", hoursAgo(3), hoursAgo(2)));
    Story story = all().get(0);
    assertThat(story.link()).isEqualTo("https://vov.vn/a");
    assertThat(story.sources()).extracting(SourceRef::id).containsExactly("vov", "nhandan");
  }

  @Test
  void textWithNulCharactersIsStored() throws Exception {
    // JSON Feed strings may carry U+0000, which a PostgreSQL text column refuses.
    assertThat(counts(ingest("vov", entry("vov", "g\u00001", "https://vov.vn/a",
        "Tin\u0000 một", hoursAgo(3))))).containsExactly(1, 0, 0, 0);
    assertThat(all()).singleElement().extracting(s -> s.title().replace("\u0000", ""))
        .isEqualTo("Tin một");
    assertThat(counts(ingest("vov", entry("vov", "g\u00001", "https://vov.vn/a",
        "Tin\u0000 một", hoursAgo(3))))).as("known again").containsExactly(0, 0, 1, 0);
  }

  // One transaction per poll; validators written only by ingest.

  @Test
  void failedIngestLeavesValidatorsAndEntriesAsTheyWere() throws Exception {
    await(store.ingest(polled("vov", "\"v1\"", "Mon, 10 Mar 2025 07:00:00 GMT"),
        List.of(entry("vov", "g1", "https://vov.vn/a", "Tin một", hoursAgo(3)))));
    List<Story> before = all();

    // The second entry is another source's: the whole poll must be refused.
    Future<IngestResult> failed = store.ingest(polled("vov", "\"v2\"",
        "Mon, 10 Mar 2025 08:00:00 GMT"), List.of(
        entry("vov", "g2", "https://vov.vn/b", "Tin hai", hoursAgo(1)),
        entry("nhandan", "n1", "https://nhandan.vn/c", "Tin ba", hoursAgo(1))));
    assertThatThrownBy(() -> await(failed)).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class);

    assertThat(await(store.sourceStates()).get("vov").etag()).isEqualTo("\"v1\"");
    assertThat(await(store.entryCounts())).isEqualTo(Map.of("vov", 1L));
    assertThat(all()).isEqualTo(before);
    // The store is usable afterwards: the same poll succeeds when retried correctly.
    assertThat(counts(await(store.ingest(polled("vov", "\"v2\"", null),
        List.of(entry("vov", "g2", "https://vov.vn/b", "Tin hai", hoursAgo(1)))))))
        .containsExactly(1, 0, 0, 0);
  }

  @Test
  void ingestWritesEveryFieldOfTheStateIncludingValidators() throws Exception {
    SourceState state = new SourceState("vov", "https://vov.vn/rss/moved.rss", "\"abc\"",
        "Mon, 10 Mar 2025 07:00:00 GMT", NOW.plusSeconds(900), 0, NOW, 200, null, null, false);
    await(store.ingest(state, List.of(entry("vov", "g1", null, "Tin", hoursAgo(1)))));
    assertThat(await(store.sourceStates()).get("vov")).isEqualTo(state);
  }

  @Test
  void savePollStateKeepsStoredValidators() throws Exception {
    await(store.ingest(polled("vov", "\"abc\"", "Mon, 10 Mar 2025 07:00:00 GMT"), List.of()));
    await(store.savePollState(new SourceState("vov", null, "\"other\"", "other",
        NOW.plusSeconds(60), 3, NOW, 503, "503 Service Unavailable",
        FailureCode.HTTP_STATUS.id(), false)));
    assertThat(await(store.sourceStates()).get("vov")).isEqualTo(new SourceState("vov", null,
        "\"abc\"", "Mon, 10 Mar 2025 07:00:00 GMT", NOW.plusSeconds(60), 3, NOW, 503,
        "503 Service Unavailable", "http_status", false));
  }

  /** After a 304 of a source that answered 304 before, only the times change. */
  @Test
  void aRepeatedNotModifiedIsReadBackAtOnceWithItsTimes() throws Exception {
    await(store.ingest(polled("vov", "\"abc\"", null), List.of()));
    await(store.savePollState(notModified("vov", 1)));
    await(store.savePollState(notModified("vov", 2)));
    await(store.savePollState(notModified("vov", 3)));
    assertThat(await(store.sourceStates()).get("vov")).isEqualTo(notModified("vov", 3));
  }

  @Test
  void aStateWrittenAfterRepeatedNotModifiedsKeepsItsOwnTimes() throws Exception {
    await(store.ingest(polled("vov", "\"abc\"", null), List.of()));
    await(store.savePollState(notModified("vov", 1)));
    await(store.savePollState(notModified("vov", 2)));
    SourceState failed = new SourceState("vov", null, "\"abc\"", null,
        NOW.plusSeconds(3_600), 1, NOW.plusSeconds(180), 503, "503 Service Unavailable",
        FailureCode.HTTP_STATUS.id(), false);
    await(store.savePollState(failed));
    assertThat(await(store.sourceStates()).get("vov")).isEqualTo(failed);
    await(store.savePollState(notModified("vov", 4)));
    assertThat(await(store.sourceStates()).get("vov")).isEqualTo(notModified("vov", 4));
  }

  /** The state of {@code source}'s {@code n}th 304, a minute apart, ETag "abc". */
  static SourceState notModified(String source, int n) {
    Instant polledAt = NOW.plusSeconds(60L * n);
    return new SourceState(source, null, "\"abc\"", null, polledAt.plusSeconds(600), 0,
        polledAt, 304, null, null, false);
  }

  @Test
  void savePollStateOfANewSourceStoresNoValidators() throws Exception {
    await(store.savePollState(new SourceState("lonely", null, "\"x\"", "y", null, 1, NOW, 410,
        "410 Gone", "gone", true)));
    assertThat(await(store.sourceStates()).get("lonely")).isEqualTo(new SourceState("lonely",
        null, null, null, null, 1, NOW, 410, "410 Gone", "gone", true));
  }

  @Test
  void onlyPolledSourcesHaveAState() throws Exception {
    assertThat(await(store.sourceStates())).isEmpty();
  }

  @Test
  void syncSourcesLeavesPollingStateAlone() throws Exception {
    SourceState state = polled("vov", "\"abc\"", null);
    await(store.ingest(state, List.of()));
    await(store.syncSources(List.of(config("vov", "VOV mới", "https://vov.vn/rss/chinh-tri.rss"))));
    assertThat(await(store.sourceStates()).get("vov")).isEqualTo(state);
  }

  @Test
  void changedConfiguredUrlForgetsRedirectValidatorsAndGone() throws Exception {
    await(store.ingest(new SourceState("vov", "https://vov.vn/moved", "\"abc\"", "lm", null, 0,
        NOW, 200, null, null, true), List.of()));
    await(store.syncSources(List.of(config("vov", "VOV", "https://vov.vn/rss-moi"))));
    SourceState state = await(store.sourceStates()).get("vov");
    assertThat(state.url()).isNull();
    assertThat(state.etag()).isNull();
    assertThat(state.lastModified()).isNull();
    assertThat(state.gone()).isFalse();
    assertThat(state.lastFetch()).isEqualTo(NOW);
  }

  // Category membership.

  @Test
  void storiesAreFiledAsTheyAreWrittenAndTheTouchedCategoriesReported() throws Exception {
    assertThat(await(store.categorize("v1", RULES))).isTrue();
    IngestResult first = ingest("vov",
        entry("vov", "g1", "https://vov.vn/a", "Đảng bộ tỉnh họp", hoursAgo(3)),
        entry("vov", "g2", "https://vov.vn/b", "Giá lúa tăng", hoursAgo(2)));
    assertThat(first.categories()).containsExactlyInAnyOrder("all", "dang");
    assertThat(titles("dang")).containsExactly("Đảng bộ tỉnh họp");
    assertThat(titles("all")).containsExactly("Giá lúa tăng", "Đảng bộ tỉnh họp");
    assertThat(titles("nd")).isEmpty();

    // Nhân Dân carries VOV's story: the story now belongs to "nd" as well.
    IngestResult joined = ingest("nhandan",
        entry("nhandan", "n1", "http://www.vov.vn/a/", "Tin khác", hoursAgo(1)));
    assertThat(joined.categories()).containsExactlyInAnyOrder("all", "dang", "nd");
    assertThat(titles("nd")).containsExactly("Đảng bộ tỉnh họp");

    // Re-polling the same entries changes nothing, so no category is touched.
    assertThat(ingest("nhandan",
        entry("nhandan", "n1", "http://www.vov.vn/a/", "Tin khác", hoursAgo(1))).categories())
        .isEmpty();
  }

  @Test
  void anEditThatDropsTheKeywordLeavesTheCategory() throws Exception {
    await(store.categorize("v1", RULES));
    ingest("vov", entry("vov", "g1", "https://vov.vn/a", "Đảng bộ tỉnh họp", hoursAgo(3)));
    IngestResult edit = ingest("vov",
        entry("vov", "g1", "https://vov.vn/a", "Tỉnh họp phiên thường kỳ", hoursAgo(3)));
    assertThat(edit.categories()).containsExactlyInAnyOrder("all", "dang");
    assertThat(titles("dang")).isEmpty();
  }

  @Test
  void newRulesRebuildEveryMembershipOnceAndTheSameRulesDoNot() throws Exception {
    ingest("vov", entry("vov", "g1", "https://vov.vn/a", "Đảng bộ tỉnh họp", hoursAgo(3)));
    assertThat(titles("all")).as("written before any rules").isEmpty();

    assertThat(await(store.categorize("v1", RULES))).isTrue();
    assertThat(titles("all")).containsExactly("Đảng bộ tỉnh họp");
    assertThat(await(store.categorize("v1", RULES))).isFalse();

    assertThat(await(store.categorize("v2", story -> Set.of("all")))).isTrue();
    assertThat(titles("dang")).isEmpty();
    assertThat(titles("all")).containsExactly("Đảng bộ tỉnh họp");
  }

  // Reading.

  /** vov: A (10 h), B (6 h); nhandan: C (8 h) and B again (5 h); laichau: D (4 h). */
  private void fourStories() throws Exception {
    ingest("vov", entry("vov", "a", "https://vov.vn/a", "Tin A", hoursAgo(10)),
        entry("vov", "b", "https://vov.vn/b", "Tin B", hoursAgo(6)));
    ingest("nhandan", entry("nhandan", "c", "https://nhandan.vn/c", "Tin C", hoursAgo(8)),
        entry("nhandan", "b2", "https://nhandan.vn/b2", "Tin B", hoursAgo(5)));
    ingest("laichau", entry("laichau", "d", "https://baolaichau.vn/d", "Tin D", hoursAgo(4)));
  }

  @Test
  void storiesAreNewestFirstAndHonourLimitAndSince() throws Exception {
    fourStories();
    assertThat(all()).extracting(Story::title).containsExactly("Tin D", "Tin B", "Tin C",
        "Tin A");
    assertThat(await(store.stories("all", 2, null))).extracting(Story::title)
        .containsExactly("Tin D", "Tin B");
    assertThat(await(store.stories("all", 10, hoursAgo(8)))).extracting(Story::title)
        .containsExactly("Tin D", "Tin B", "Tin C");
    assertThat(await(store.stories("all", 0, null))).isEmpty();
    assertThat(await(store.stories("nope", 10, null))).isEmpty();
  }

  @Test
  void aStoryListsEverySourceThatCarriedItFirstSightingFirst() throws Exception {
    fourStories();
    assertThat(carriedBy("nhandan")).extracting(Story::title).containsExactly("Tin B", "Tin C");
    assertThat(carriedBy("nhandan").get(0).sources()).containsExactly(
        new SourceRef("vov", "VOV – Chính trị", "https://vov.vn/b"),
        new SourceRef("nhandan", "Nhân Dân", "https://nhandan.vn/b2"));
  }

  @Test
  void storiesPublishedAtTheSameInstantAreOrderedById() throws Exception {
    ingest("laichau", entry("laichau", "x", "https://baolaichau.vn/x", "Tin X", NOW),
        entry("laichau", "y", "https://baolaichau.vn/y", "Tin Y", NOW));
    List<String> ids = all().stream().map(Story::id).toList();
    assertThat(ids).containsExactlyInAnyOrder(StoryIds.mint("laichau", "x"),
        StoryIds.mint("laichau", "y"));
    assertThat(ids.get(0)).isGreaterThan(ids.get(1));
  }

  @Test
  void entryCountsCountEntriesNotStories() throws Exception {
    fourStories();
    assertThat(await(store.entryCounts()))
        .isEqualTo(Map.of("vov", 2L, "nhandan", 2L, "laichau", 1L));
  }

  @Test
  void pruneDeletesOnlyOldStoriesNoSourceCarriesAnyMore() throws Exception {
    fourStories();
    // Lai Châu still carries D: re-seen now, although published 4 h ago.
    ingest("laichau", entry("laichau", "d", "https://baolaichau.vn/d", "Tin D", hoursAgo(4),
        NOW));
    // Cut-off 3 h ago: A, B (both sources) and C were last seen before it.
    assertThat(await(store.prune(hoursAgo(3)))).isEqualTo(3);
    assertThat(all()).extracting(Story::title).containsExactly("Tin D");
    assertThat(await(store.entryCounts())).isEqualTo(Map.of("laichau", 1L));
  }

  @Test
  void pruneKeepsStoriesPublishedAfterTheCutoff() throws Exception {
    fourStories();
    assertThat(await(store.prune(hoursAgo(7)))).isEqualTo(2);
    assertThat(all()).extracting(Story::title).containsExactly("Tin D", "Tin B");
  }

  // Lifecycle.

  @Test
  void reopeningKeepsStoriesAndIds() throws Exception {
    fourStories();
    List<Story> before = all();
    await(store.close());
    store = openStore(vertx);
    assertThat(all()).isEqualTo(before);
    assertThat(counts(ingest("vov", entry("vov", "a", "https://vov.vn/a", "Tin A",
        hoursAgo(10))))).containsExactly(0, 0, 1, 0);
  }

  @Test
  void closeFinishesWritesAlreadyStarted() throws Exception {
    List<Future<IngestResult>> writes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      writes.add(store.ingest(polled("vov", null, null),
          List.of(entry("vov", "g" + i, "https://vov.vn/" + i, "Tin " + i, hoursAgo(i)))));
    }
    await(store.close());
    for (Future<IngestResult> write : writes) {
      assertThat(write.isComplete()).isTrue();
      assertThat(await(write)).isEqualTo(new IngestResult(1, 0, 0, 0, Set.of()));
    }
    store = openStore(vertx);
    assertThat(all()).hasSize(20);
  }

  @Test
  void callsAfterCloseFail() throws Exception {
    await(store.close());
    assertThatThrownBy(() -> await(store.stories("all", 1, null)))
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> await(store.savePollState(polled("vov", null, null))))
        .hasCauseInstanceOf(IllegalStateException.class);
    store = openStore(vertx);
  }

  @Test
  void futuresCompleteOnTheCallersEventLoopContext() throws Exception {
    Context context = vertx.getOrCreateContext();
    Promise<Boolean> sameContext = Promise.promise();
    context.runOnContext(v -> store.ingest(polled("vov", null, null), List.of(
            entry("vov", "g1", "https://vov.vn/1", "Tin", hoursAgo(1))))
        .compose(r -> store.stories("all", 1, null))
        .onComplete(ar -> sameContext.complete(ar.succeeded()
            && Vertx.currentContext() == context && Context.isOnEventLoopThread())));
    assertThat(await(sameContext.future())).isTrue();
  }
}
