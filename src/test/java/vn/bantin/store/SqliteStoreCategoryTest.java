package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.store.StoreFixture.await;
import static vn.bantin.store.StoreFixture.config;
import static vn.bantin.store.StoreFixture.entry;
import static vn.bantin.store.StoreFixture.hoursAgo;
import static vn.bantin.store.StoreFixture.polled;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.model.Entry;
import vn.bantin.model.Story;

/** Category membership: filed as stories are written, rebuilt when the rules change. */
class SqliteStoreCategoryTest {
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

  @TempDir Path dir;
  private Vertx vertx;
  private SqliteStore store;

  @BeforeEach
  void open() throws Exception {
    vertx = StoreFixture.vertx();
    store = StoreFixture.open(vertx, dir);
    await(store.syncSources(List.of(config("vov", "VOV", "https://vov.vn/rss"),
        config("nhandan", "Nhân Dân", "https://nhandan.vn/rss"))));
  }

  @AfterEach
  void close() throws Exception {
    await(store.close());
    await(vertx.close());
  }

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

    Function<Story, Set<String>> onlyAll = story -> Set.of("all");
    assertThat(await(store.categorize("v2", onlyAll))).isTrue();
    assertThat(titles("dang")).isEmpty();
    assertThat(titles("all")).containsExactly("Đảng bộ tỉnh họp");
  }

  @Test
  void sinceAndLimitAreAppliedNewestFirst() throws Exception {
    await(store.categorize("v1", RULES));
    ingest("vov", entry("vov", "g1", "https://vov.vn/a", "Một", hoursAgo(30)),
        entry("vov", "g2", "https://vov.vn/b", "Hai", hoursAgo(20)),
        entry("vov", "g3", "https://vov.vn/c", "Ba", hoursAgo(10)));
    assertThat(await(store.stories("all", 2, null))).extracting(Story::title)
        .containsExactly("Ba", "Hai");
    assertThat(await(store.stories("all", 10, hoursAgo(25)))).extracting(Story::title)
        .containsExactly("Ba", "Hai");
    assertThat(await(store.stories("nope", 10, null))).isEmpty();
  }

  private IngestResult ingest(String source, Entry... entries) throws Exception {
    return await(store.ingest(polled(source, null, null), List.of(entries)));
  }

  private List<String> titles(String category) throws Exception {
    return await(store.stories(category, 50, null)).stream().map(Story::title).toList();
  }
}
