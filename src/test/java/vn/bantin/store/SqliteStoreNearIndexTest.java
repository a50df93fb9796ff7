package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.bantin.store.StoreContractTest.BLC_SUMMARY;
import static vn.bantin.store.StoreContractTest.VOV_SUMMARY;
import static vn.bantin.store.StoreContractTest.near;
import static vn.bantin.store.StoreFixture.await;
import static vn.bantin.store.StoreFixture.config;
import static vn.bantin.store.StoreFixture.entry;
import static vn.bantin.store.StoreFixture.hoursAgo;
import static vn.bantin.store.StoreFixture.polled;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.model.Entry;

/**
 * The SQLite store's near-duplicate bands and title keys, kept in memory ({@link NearIndex}): read
 * again from the stored signatures and title keys when the store opens, left by what a failed
 * poll or retention deletes. Rules 3 and 4 on both stores are in {@link StoreContractTest}.
 */
class SqliteStoreNearIndexTest {

  @TempDir Path dir;
  private Vertx vertx;
  private SqliteStore store;

  @BeforeEach
  void open() throws Exception {
    vertx = StoreFixture.vertx();
    store = StoreFixture.open(vertx, dir);
    await(store.syncSources(List.of(config("vov", "VOV", "https://vov.vn/rss"),
        config("laichau", "Báo Lai Châu", "https://baolaichau.vn/rss"),
        config("dienbien", "Báo Điện Biên Phủ", "https://baodienbienphu.com.vn/rss"))));
  }

  @AfterEach
  void close() throws Exception {
    await(store.close());
    await(vertx.close());
  }

  @Test
  void aReopenedStoreFindsTheNearDuplicatesOfWhatItStoredBefore() throws Exception {
    ingest(vov(hoursAgo(5)));
    await(store.close());
    store = StoreFixture.open(vertx, dir);

    assertThat(ingest(near("laichau", "https://baolaichau.vn/tin/42",
        "Tỉnh Lai Châu: 62 xã đạt chuẩn nông thôn mới sau 10 tháng", BLC_SUMMARY, hoursAgo(2))))
        .extracting(IngestResult::newStories, IngestResult::joined).containsExactly(0, 1);
    assertThat(await(store.nearIndexSize())).isEqualTo(2);
  }

  @Test
  void pruneTakesThePrunedEntriesOutOfTheIndexOnly() throws Exception {
    ingest(vov(hoursAgo(30)));
    ingest(near("dienbien", "https://baodienbienphu.com.vn/tin/7",
        "Điện Biên sơ kết 10 tháng xây dựng nông thôn mới",
        VOV_SUMMARY.replace("VOV.VN", "ĐBP").replace("thành phố Lai Châu", "thành phố Điện Biên"
        + " Phủ"), hoursAgo(2)));
    assertThat(await(store.nearIndexSize())).isEqualTo(2);

    assertThat(await(store.prune(hoursAgo(10)))).isEqualTo(1);

    assertThat(await(store.nearIndexSize())).isEqualTo(1);
    await(store.close());
    store = StoreFixture.open(vertx, dir);
    assertThat(await(store.nearIndexSize())).isEqualTo(1);
  }

  @Test
  void aReopenedStoreFindsTheTitlesItStoredBefore() throws Exception {
    ingest(entry("vov", "g1", "https://vov.vn/a", "Hội nghị Trung ương", hoursAgo(5)));
    await(store.close());
    store = StoreFixture.open(vertx, dir);

    assertThat(ingest(entry("laichau", "l1", "https://baolaichau.vn/b", "Hội nghị Trung ương!",
        hoursAgo(2)))).extracting(IngestResult::newStories, IngestResult::joined)
        .containsExactly(0, 1);
  }

  @Test
  void theTitlesOfAFailedPollAreNotFound() throws Exception {
    Entry written = entry("vov", "g1", "https://vov.vn/a", "Hội nghị Trung ương", hoursAgo(5));
    Entry foreign = entry("laichau", "l1", "https://baolaichau.vn/x", "Tin khác", hoursAgo(5));
    assertThatThrownBy(() -> await(store.ingest(polled("vov", null, null),
        List.of(written, foreign)))).hasMessageContaining("laichau");

    assertThat(ingest(entry("dienbien", "d1", "https://baodienbienphu.com.vn/y",
        "Hội nghị Trung ương", hoursAgo(3))))
        .extracting(IngestResult::newStories, IngestResult::joined).containsExactly(1, 0);
    assertThat(await(store.nearIndexSize())).isEqualTo(1);
  }

  @Test
  void whenTheEarliestTitleTheIndexNamesNoLongerQualifiesTheNextOneDoes() throws Exception {
    await(store.categorize("all", story -> Set.of("all")));
    // Two stories of one title, 50 hours apart; a third entry between them reaches both.
    ingest(entry("vov", "g1", "https://vov.vn/a", "Hội nghị Trung ương", hoursAgo(60)));
    ingest(entry("dienbien", "d1", "https://baodienbienphu.com.vn/b", "Hội nghị Trung ương",
        hoursAgo(10)));
    // The first one's key changed behind the index: it names it, its row says no.
    try (Connection outside = DriverManager.getConnection(
        "jdbc:sqlite:" + dir.resolve(SqliteStore.DATABASE_FILE))) {
      outside.createStatement().executeUpdate(
          "UPDATE entries SET title_key = 'khác' WHERE entry_key = 'g1'");
    }

    ingest(entry("laichau", "l1", "https://baolaichau.vn/c", "Hội nghị Trung ương",
        hoursAgo(20)));

    assertThat(await(store.stories("all", 10, null))).filteredOn(s -> s.sources().size() == 2)
        .singleElement().satisfies(s -> assertThat(s.sources()).extracting(r -> r.id())
            .containsExactly("dienbien", "laichau"));
  }

  private IngestResult ingest(Entry entry) throws Exception {
    return await(store.ingest(polled(entry.sourceId(), null, null), List.of(entry)));
  }

  private static Entry vov(Instant published) {
    return near("vov", "https://vov.vn/a-post1.vov",
        "Lai Châu sơ kết 10 tháng xây dựng nông thôn mới", VOV_SUMMARY, published);
  }
}
