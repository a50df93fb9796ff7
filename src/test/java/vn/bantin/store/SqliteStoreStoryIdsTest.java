package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.store.StoreFixture.await;
import static vn.bantin.store.StoreFixture.config;
import static vn.bantin.store.StoreFixture.entry;
import static vn.bantin.store.StoreFixture.hoursAgo;
import static vn.bantin.store.StoreFixture.polled;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.dedup.StoryIds;
import vn.bantin.model.Entry;

/**
 * A story id is minted from its first entry, so it is stored already when that entry comes back
 * after it was deleted without its story (by hand, or by a crash between two deletes): the entry
 * joins the stored story under the published id, whose text stays as it was.
 */
class SqliteStoreStoryIdsTest {
  @TempDir Path dir;
  private Vertx vertx;
  private SqliteStore store;

  @BeforeEach
  void open() throws Exception {
    vertx = StoreFixture.vertx();
    store = StoreFixture.open(vertx, dir);
    await(store.syncSources(List.of(config("vov", "VOV", "https://vov.vn/rss"))));
  }

  @AfterEach
  void close() throws Exception {
    await(store.close());
    await(vertx.close());
  }

  @Test
  void anEntryDeletedWithoutItsStoryJoinsTheStoredStoryUnderItsId() throws Exception {
    Entry first = entry("vov", "g1", "https://vov.vn/a-1.vov", "Hội nghị Trung ương",
        hoursAgo(2));
    assertThat(ingest(first).newStories()).isEqualTo(1);
    sql("DELETE FROM entries");

    Entry again = entry("vov", "g1", "https://vov.vn/a-1.vov", "Hội nghị Trung ương lần thứ 14",
        hoursAgo(1));
    assertThat(ingest(again)).isEqualTo(new IngestResult(0, 1, 0, 0, Set.of()));

    String id = StoryIds.mint("vov", "g1");
    assertThat(text("SELECT s.id FROM entries e JOIN stories s ON s.rid = e.story_rid"
        + " WHERE e.entry_key = 'g1'")).isEqualTo(id);
    assertThat(text("SELECT title FROM stories WHERE id = '" + id + "'"))
        .isEqualTo("Hội nghị Trung ương");
    assertThat(text("SELECT COUNT(*) FROM stories")).isEqualTo("1");
  }

  private IngestResult ingest(Entry entry) throws Exception {
    return await(store.ingest(polled(entry.sourceId(), null, null), List.of(entry)));
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = connection(); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private String text(String query) throws SQLException {
    try (Connection c = connection(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(query)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  private Connection connection() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.DATABASE_FILE));
  }
}
