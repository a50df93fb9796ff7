package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.bantin.store.StoreFixture.CLOCK;
import static vn.bantin.store.StoreFixture.await;
import static vn.bantin.store.StoreFixture.entry;
import static vn.bantin.store.StoreFixture.hoursAgo;
import static vn.bantin.store.StoreFixture.polled;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.dedup.StoryIdentity;
import vn.bantin.dedup.StoryIds;
import vn.bantin.model.Entry;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;

/**
 * A store written by the program before schema 9 (the public story id indexed) opens upgraded
 * and goes on as if nothing happened: its stories, sources and memberships are served, and new
 * entries join, edit and re-find the stories stored before.
 */
class SqliteStoreUpgradeTest {
  private static final String RULES = "every story";

  @TempDir Path dir;
  private Vertx vertx;
  private SqliteStore store;

  private final Entry vov = entry("vov", "g1", "https://vov.vn/a-1.vov", "Hội nghị Trung ương",
      hoursAgo(5));
  private final Entry nhandan = entry("nhandan", "n1", "https://nhandan.vn/b-2", "Tin Lai Châu",
      hoursAgo(4));

  @BeforeEach
  void openAnUpgradedStore() throws Exception {
    try (Connection c = DriverManager.getConnection(
        "jdbc:sqlite:" + dir.resolve(SqliteStore.DATABASE_FILE))) {
      Migrations.apply(c, CLOCK, 8);
      Jdbc.execute(c, "INSERT INTO sources (id, title) VALUES ('vov', 'VOV'),"
          + " ('nhandan', 'Nhân Dân'), ('laichau', 'Báo Lai Châu')");
      // Out of id order, as rids follow the order stories were written in.
      storyAndEntry(c, 7, nhandan);
      storyAndEntry(c, 9, vov);
      Jdbc.execute(c, "INSERT INTO category_stories (story_rid, category_id, published)"
          + " VALUES (7, 'all', " + nhandan.published().toEpochMilli() + "), (9, 'all', "
          + vov.published().toEpochMilli() + ")");
      Jdbc.execute(c, "INSERT INTO meta (key, value) VALUES ('category_rules', '" + RULES + "')");
    }
    vertx = StoreFixture.vertx();
    store = StoreFixture.open(vertx, dir);
    // The same rules as the stored memberships': nothing is rebuilt.
    assertThat(await(store.categorize(RULES, story -> Set.of("all")))).isFalse();
  }

  @AfterEach
  void close() throws Exception {
    await(store.close());
    await(vertx.close());
  }

  @Test
  void theStoredStoriesAreServedWithTheirSources() throws Exception {
    assertThat(await(store.stories("all", 10, null))).extracting(Story::id, Story::title,
        s -> s.sources().stream().map(SourceRef::title).toList())
        .containsExactly(
            tuple(StoryIds.mint("nhandan", "n1"), "Tin Lai Châu",
                List.of("Nhân Dân")),
            tuple(StoryIds.mint("vov", "g1"),
                "Hội nghị Trung ương", List.of("VOV")));
  }

  @Test
  void newEntriesJoinAndEditTheStoriesStoredBefore() throws Exception {
    Entry sameLink = entry("laichau", "l1", "https://nhandan.vn/b-2?utm_source=fb",
        "Lai Châu: tin mới", hoursAgo(3));
    assertThat(ingest(sameLink).joined()).isEqualTo(1);
    Entry edited = new Entry("vov", "g1", vov.link(), "Hội nghị Trung ương lần thứ 14",
        vov.summaryHtml(), "", vov.author(), vov.published(), hoursAgo(1));
    assertThat(ingest(edited)).isEqualTo(new IngestResult(0, 0, 1, 1, Set.of("all")));

    assertThat(await(store.stories("all", 10, null))).extracting(Story::title,
        s -> s.sources().stream().map(SourceRef::id).toList())
        .containsExactly(
            tuple("Tin Lai Châu", List.of("nhandan", "laichau")),
            tuple("Hội nghị Trung ương lần thứ 14",
                List.of("vov")));
  }

  @Test
  void aFirstEntryDeletedWithoutItsStoryFindsItByItsFirstSighting() throws Exception {
    try (Connection c = DriverManager.getConnection(
        "jdbc:sqlite:" + dir.resolve(SqliteStore.DATABASE_FILE))) {
      Jdbc.execute(c, "DELETE FROM entries WHERE source_id = 'nhandan'");
    }

    assertThat(ingest(nhandan)).isEqualTo(new IngestResult(0, 1, 0, 0, Set.of("all")));

    assertThat(await(store.stories("all", 10, null))).filteredOn(s -> s.id().equals(
        StoryIds.mint("nhandan", "n1"))).singleElement()
        .satisfies(s -> assertThat(s.sources()).extracting(SourceRef::id)
            .containsExactly("nhandan"));
  }

  private IngestResult ingest(Entry entry) throws Exception {
    return await(store.ingest(polled(entry.sourceId(), null, null), List.of(entry)));
  }

  /** The rows schema 8's writer made for a new story: the story, its entry and their keys. */
  private static void storyAndEntry(Connection c, long rid, Entry entry) throws SQLException {
    StoryIdentity.Keys keys = StoryIdentity.keysOf(entry);
    try (PreparedStatement story = c.prepareStatement("INSERT INTO stories (rid, id, link,"
            + " title, summary_html, content_html, author, published, first_source_id,"
            + " first_entry_key, created_at) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, 0)");
        PreparedStatement row = c.prepareStatement("INSERT INTO entries (source_id, entry_key,"
            + " story_rid, link, canonical_link, title, title_key, published, fetched_at,"
            + " last_seen, signature, marks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      story.setLong(1, rid);
      story.setString(2, StoryIds.mint(entry.sourceId(), entry.key()));
      story.setString(3, entry.link());
      story.setString(4, entry.title());
      story.setString(5, entry.summaryHtml());
      story.setString(6, entry.author());
      story.setLong(7, entry.published().toEpochMilli());
      story.setString(8, entry.sourceId());
      story.setString(9, entry.key());
      story.executeUpdate();
      row.setString(1, entry.sourceId());
      row.setString(2, entry.key());
      row.setLong(3, rid);
      row.setString(4, entry.link());
      row.setString(5, keys.canonicalLink());
      row.setString(6, entry.title());
      row.setString(7, keys.titleKey());
      row.setLong(8, entry.published().toEpochMilli());
      row.setLong(9, entry.fetchedAt().toEpochMilli());
      row.setLong(10, entry.fetchedAt().toEpochMilli());
      row.setBytes(11, keys.fingerprint().signatureBytes());
      row.setString(12, keys.fingerprint().marks());
      row.executeUpdate();
    }
  }
}
