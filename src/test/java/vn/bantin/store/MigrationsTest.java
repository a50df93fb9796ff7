package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.bantin.store.StoreFixture.CLOCK;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

  @TempDir Path dir;

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("test.db"));
  }

  private static List<String> versions(Connection connection) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(
            "SELECT version, script, applied_at FROM schema_version ORDER BY version")) {
      while (result.next()) {
        rows.add(result.getInt(1) + " " + result.getString(2) + " " + result.getLong(3));
      }
    }
    return rows;
  }

  @Test
  void freshDatabaseGetsEveryScriptOnceAndReapplyingChangesNothing() throws SQLException {
    try (Connection connection = connect()) {
      assertThat(Migrations.apply(connection, CLOCK)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
      List<String> first = versions(connection);
      assertThat(first).containsExactly("1 V1__init.sql " + CLOCK.millis(),
          "2 V2__near_duplicates.sql " + CLOCK.millis(),
          "3 V3__category_membership.sql " + CLOCK.millis(),
          "4 V4__compact_bands.sql " + CLOCK.millis(),
          "5 V5__bands_in_memory.sql " + CLOCK.millis(),
          "6 V6__memberships_by_story.sql " + CLOCK.millis(),
          "7 V7__title_keys_in_memory.sql " + CLOCK.millis(),
          "8 V8__stories_by_rowid.sql " + CLOCK.millis(),
          "9 V9__story_ids_unindexed.sql " + CLOCK.millis());

      InstantSource later = InstantSource.fixed(Instant.parse("2030-01-01T00:00:00Z"));
      assertThat(Migrations.apply(connection, later)).isEmpty();
      assertThat(versions(connection)).isEqualTo(first);
    }
  }

  @Test
  void databaseNewerThanTheProgramIsRefused() throws SQLException {
    try (Connection connection = connect()) {
      Migrations.apply(connection, CLOCK);
      Jdbc.execute(connection,
          "INSERT INTO schema_version VALUES (99, 'V99__future.sql', 0)");
      assertThatThrownBy(() -> Migrations.apply(connection, CLOCK))
          .isInstanceOf(SQLException.class).hasMessageContaining("newer");
    }
  }

  @Test
  void everyScriptOnDiskIsListedInVersionOrder() throws Exception {
    Path scripts = Path.of("src/main/resources/db/sqlite");
    try (Stream<Path> files = Files.list(scripts)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(Migrations.SCRIPTS);
    }
    for (int i = 0; i < Migrations.SCRIPTS.size(); i++) {
      assertThat(Migrations.versionOf(Migrations.SCRIPTS.get(i))).isEqualTo(i + 1);
    }
  }

  @Test
  void version4KeepsEveryEntryWithItsRowidAsIdAndRekeysItsBands() throws SQLException {
    try (Connection connection = connect()) {
      Jdbc.execute(connection, "PRAGMA foreign_keys = ON");
      assertThat(Migrations.apply(connection, CLOCK, 3)).containsExactly(1, 2, 3);
      Jdbc.execute(connection, "INSERT INTO sources (id) VALUES ('vov'), ('nhandan')");
      Jdbc.execute(connection, "INSERT INTO stories (id, title, summary_html, content_html,"
          + " published, first_source_id, first_entry_key, created_at)"
          + " VALUES ('s1', 't', '', '', 10, 'vov', 'a', 0)");
      Jdbc.execute(connection, "INSERT INTO entries (rowid, source_id, entry_key, story_id,"
          + " title, published, fetched_at, last_seen, signature, marks) VALUES"
          + " (7, 'vov', 'a', 's1', 't', 10, 11, 12, x'01', 'm'),"
          + " (9, 'nhandan', 'b', 's1', 't', 20, 21, 22, NULL, NULL)");
      Jdbc.execute(connection, "INSERT INTO entry_bands (band, published, source_id, entry_key)"
          + " VALUES (100, 10, 'vov', 'a'), (-5, 10, 'vov', 'a')");

      assertThat(Migrations.apply(connection, CLOCK, 4)).containsExactly(4);

      assertThat(rows(connection, "SELECT id, source_id, entry_key, story_id, published,"
          + " fetched_at, last_seen, hex(signature), marks FROM entries ORDER BY id"))
          .containsExactly("7 vov a s1 10 11 12 01 m", "9 nhandan b s1 20 21 22  null");
      assertThat(rows(connection, "SELECT band, published, entry_id FROM entry_bands"))
          .containsExactly("-5 10 7", "100 10 7");
      // Deleting the story still takes its entries along.
      Jdbc.execute(connection, "DELETE FROM stories WHERE id = 's1'");
      assertThat(rows(connection, "SELECT id FROM entries")).isEmpty();
    }
  }

  @Test
  void version5DropsTheBandTableAndKeepsTheSignaturesTheBandsAreComputedFrom()
      throws SQLException {
    try (Connection connection = connect()) {
      assertThat(Migrations.apply(connection, CLOCK, 4)).containsExactly(1, 2, 3, 4);
      Jdbc.execute(connection, "INSERT INTO sources (id) VALUES ('vov')");
      Jdbc.execute(connection, "INSERT INTO stories (id, title, summary_html, content_html,"
          + " published, first_source_id, first_entry_key, created_at)"
          + " VALUES ('s1', 't', '', '', 10, 'vov', 'a', 0)");
      Jdbc.execute(connection, "INSERT INTO entries (id, source_id, entry_key, story_id,"
          + " title, published, fetched_at, last_seen, signature, marks) VALUES"
          + " (7, 'vov', 'a', 's1', 't', 10, 11, 12, x'01', 'm')");
      Jdbc.execute(connection, "INSERT INTO entry_bands (band, published, entry_id)"
          + " VALUES (100, 10, 7)");

      assertThat(Migrations.apply(connection, CLOCK, 5)).containsExactly(5);

      assertThat(rows(connection, "SELECT name FROM sqlite_master WHERE name LIKE 'entry_bands%'"))
          .isEmpty();
      assertThat(rows(connection, "SELECT id, hex(signature), marks FROM entries"))
          .containsExactly("7 01 m");
    }
  }

  @Test
  void version6KeysMembershipsByStoryKeepsThemAndStillCascades() throws SQLException {
    try (Connection connection = connect()) {
      Jdbc.execute(connection, "PRAGMA foreign_keys = ON");
      assertThat(Migrations.apply(connection, CLOCK, 5)).containsExactly(1, 2, 3, 4, 5);
      Jdbc.execute(connection, "INSERT INTO sources (id) VALUES ('vov')");
      Jdbc.execute(connection, "INSERT INTO stories (id, title, summary_html, content_html,"
          + " published, first_source_id, first_entry_key, created_at)"
          + " VALUES ('s1', 't', '', '', 10, 'vov', 'a', 0), ('s2', 't', '', '', 20, 'vov',"
          + " 'b', 0)");
      Jdbc.execute(connection, "INSERT INTO category_stories (category_id, story_id, published)"
          + " VALUES ('lai-chau', 's1', 10), ('xay-dung-dang', 's1', 10),"
          + " ('lai-chau', 's2', 20)");

      assertThat(Migrations.apply(connection, CLOCK, 6)).containsExactly(6);

      assertThat(rows(connection, "SELECT story_id, category_id, published FROM"
          + " category_stories ORDER BY story_id, category_id"))
          .containsExactly("s1 lai-chau 10", "s1 xay-dung-dang 10", "s2 lai-chau 20");
      assertThat(rows(connection, "SELECT name FROM sqlite_master WHERE type = 'index'"
          + " AND tbl_name = 'category_stories' AND sql IS NOT NULL"))
          .containsExactly("category_stories_newest");
      assertThat(rows(connection, "SELECT story_id FROM category_stories"
          + " WHERE category_id = 'lai-chau' ORDER BY published DESC, story_id DESC"))
          .containsExactly("s2", "s1");
      Jdbc.execute(connection, "DELETE FROM stories WHERE id = 's1'");
      assertThat(rows(connection, "SELECT story_id, category_id FROM category_stories"))
          .containsExactly("s2 lai-chau");
    }
  }

  @Test
  void version7DropsTheTitleKeyIndexAndKeepsTheTitleKeys() throws SQLException {
    try (Connection connection = connect()) {
      assertThat(Migrations.apply(connection, CLOCK, 6)).hasSize(6);
      Jdbc.execute(connection, "INSERT INTO sources (id) VALUES ('vov')");
      Jdbc.execute(connection, "INSERT INTO stories (id, title, summary_html, content_html,"
          + " published, first_source_id, first_entry_key, created_at)"
          + " VALUES ('s1', 't', '', '', 10, 'vov', 'a', 0)");
      Jdbc.execute(connection, "INSERT INTO entries (id, source_id, entry_key, story_id,"
          + " title, title_key, published, fetched_at, last_seen) VALUES"
          + " (7, 'vov', 'a', 's1', 'Tin', 'tin', 10, 11, 12)");

      assertThat(Migrations.apply(connection, CLOCK, 7)).containsExactly(7);

      assertThat(rows(connection, "SELECT name FROM sqlite_master WHERE type = 'index'"
          + " AND name = 'entries_by_title_key'")).isEmpty();
      assertThat(rows(connection, "SELECT id, title_key FROM entries")).containsExactly("7 tin");
    }
  }

  @Test
  void version8KeysEntriesAndMembershipsByTheStoryRowidAndKeepsEverything() throws SQLException {
    try (Connection connection = connect()) {
      Jdbc.execute(connection, "PRAGMA foreign_keys = ON");
      assertThat(Migrations.apply(connection, CLOCK, 7)).hasSize(7);
      Jdbc.execute(connection, "INSERT INTO sources (id) VALUES ('vov'), ('nhandan')");
      // Inserted out of id order: rid follows the rows' order of writing, not the ids'.
      Jdbc.execute(connection, "INSERT INTO stories (id, link, title, summary_html, content_html,"
          + " author, published, first_source_id, first_entry_key, created_at)"
          + " VALUES ('s2', 'https://vov.vn/b', 'Tin b', '<p>b</p>', '', 'An', 20, 'vov', 'b', 5),"
          + " ('s1', NULL, 'Tin a', '', '', NULL, 10, 'vov', 'a', 6)");
      Jdbc.execute(connection, "INSERT INTO entries (id, source_id, entry_key, story_id, link,"
          + " canonical_link, title, title_key, published, fetched_at, last_seen, signature,"
          + " marks) VALUES (7, 'vov', 'a', 's1', 'l', 'cl', 'Tin a', 'tin a', 10, 11, 12, x'01',"
          + " 'm'), (8, 'vov', 'b', 's2', NULL, NULL, 'Tin b', NULL, 20, 21, 22, NULL, NULL),"
          + " (9, 'nhandan', 'c', 's2', NULL, NULL, 'Tin b', NULL, 20, 23, 24, NULL, NULL)");
      Jdbc.execute(connection, "INSERT INTO category_stories (category_id, story_id, published)"
          + " VALUES ('lai-chau', 's1', 10), ('lai-chau', 's2', 20), ('tin', 's2', 20)");

      assertThat(Migrations.apply(connection, CLOCK, 8)).containsExactly(8);

      assertThat(rows(connection, "SELECT rid, id, link, title, summary_html, author, published,"
          + " first_source_id, first_entry_key, created_at FROM stories ORDER BY rid"))
          .containsExactly("1 s2 https://vov.vn/b Tin b <p>b</p> An 20 vov b 5",
              "2 s1 null Tin a  null 10 vov a 6");
      assertThat(rows(connection, "SELECT e.id, e.source_id, e.entry_key, s.id, e.link,"
          + " e.canonical_link, e.title_key, e.published, e.fetched_at, e.last_seen,"
          + " hex(e.signature), e.marks FROM entries e JOIN stories s ON s.rid = e.story_rid"
          + " ORDER BY e.id")).containsExactly("7 vov a s1 l cl tin a 10 11 12 01 m",
              "8 vov b s2 null null null 20 21 22  null",
              "9 nhandan c s2 null null null 20 23 24  null");
      assertThat(rows(connection, "SELECT s.id, c.category_id, c.published FROM"
          + " category_stories c JOIN stories s ON s.rid = c.story_rid ORDER BY s.id,"
          + " c.category_id")).containsExactly("s1 lai-chau 10", "s2 lai-chau 20", "s2 tin 20");
      assertThat(rows(connection, "SELECT name FROM sqlite_master WHERE type = 'index'"
          + " AND sql IS NOT NULL ORDER BY name")).containsExactly("category_stories_newest",
              "entries_by_canonical_link", "entries_by_story", "stories_by_published");
      // Deleting a story still takes its entries and memberships with it.
      Jdbc.execute(connection, "DELETE FROM stories WHERE id = 's2'");
      assertThat(rows(connection, "SELECT id FROM entries")).containsExactly("7");
      assertThat(rows(connection, "SELECT category_id FROM category_stories"))
          .containsExactly("lai-chau");
      assertThat(rows(connection, "PRAGMA foreign_key_check")).isEmpty();
    }
  }

  @Test
  void version9DropsTheStoryIdIndexKeepsEveryRowAndStillCascades() throws SQLException {
    try (Connection connection = connect()) {
      Jdbc.execute(connection, "PRAGMA foreign_keys = ON");
      assertThat(Migrations.apply(connection, CLOCK, 8)).hasSize(8);
      Jdbc.execute(connection, "INSERT INTO sources (id) VALUES ('vov'), ('nhandan')");
      Jdbc.execute(connection, "INSERT INTO stories (rid, id, link, title, summary_html,"
          + " content_html, author, published, first_source_id, first_entry_key, created_at)"
          + " VALUES (4, 's2', 'https://vov.vn/b', 'Tin b', '<p>b</p>', '<p>B</p>', 'An', 20,"
          + " 'vov', 'b', 5), (9, 's1', NULL, 'Tin a', '', '', NULL, 10, 'nhandan', 'a', 6)");
      Jdbc.execute(connection, "INSERT INTO entries (id, source_id, entry_key, story_rid, link,"
          + " canonical_link, title, title_key, published, fetched_at, last_seen, signature,"
          + " marks) VALUES (7, 'nhandan', 'a', 9, 'l', 'cl', 'Tin a', 'tin a', 10, 11, 12,"
          + " x'01', 'm'), (8, 'vov', 'b', 4, NULL, NULL, 'Tin b', NULL, 20, 21, 22, NULL, NULL)");
      Jdbc.execute(connection, "INSERT INTO category_stories (story_rid, category_id, published)"
          + " VALUES (9, 'lai-chau', 10), (4, 'lai-chau', 20)");

      assertThat(Migrations.apply(connection, CLOCK)).containsExactly(9);

      assertThat(rows(connection, "SELECT rid, id, link, title, summary_html, content_html,"
          + " author, published, first_source_id, first_entry_key, created_at FROM stories"
          + " ORDER BY rid")).containsExactly(
              "4 s2 https://vov.vn/b Tin b <p>b</p> <p>B</p> An 20 vov b 5",
              "9 s1 null Tin a   null 10 nhandan a 6");
      assertThat(rows(connection, "SELECT e.id, s.id FROM entries e"
          + " JOIN stories s ON s.rid = e.story_rid ORDER BY e.id"))
          .containsExactly("7 s1", "8 s2");
      // No index holds the public id on its own; the first sighting is unique.
      assertThat(rows(connection, "SELECT m.name, group_concat(i.name, ',') FROM sqlite_master m,"
          + " pragma_index_info(m.name) i WHERE m.type = 'index' AND m.tbl_name = 'stories'"
          + " GROUP BY m.name ORDER BY m.name")).containsExactly(
              "sqlite_autoindex_stories_1 first_source_id,first_entry_key",
              "stories_by_published published,id");
      assertThatThrownBy(() -> Jdbc.execute(connection, "INSERT INTO stories (id, title,"
          + " summary_html, content_html, published, first_source_id, first_entry_key,"
          + " created_at) VALUES ('s3', 't', '', '', 1, 'vov', 'b', 0)"))
          .isInstanceOf(SQLException.class).hasMessageContaining("UNIQUE");
      // The migration ran with foreign keys off and left them as it found them.
      assertThat(rows(connection, "PRAGMA foreign_keys")).containsExactly("1");
      Jdbc.execute(connection, "DELETE FROM stories WHERE rid = 4");
      assertThat(rows(connection, "SELECT id FROM entries")).containsExactly("7");
      assertThat(rows(connection, "SELECT story_rid FROM category_stories"))
          .containsExactly("9");
      assertThat(rows(connection, "PRAGMA foreign_key_check")).isEmpty();
    }
  }

  @Test
  void anUpgradeIsLoggedBeforeAndAfterAndAFreshDatabaseIsNot() throws SQLException {
    try (LoggedMessages logged = LoggedMessages.of(Migrations.class);
        Connection connection = connect()) {
      Migrations.apply(connection, CLOCK, 7);
      assertThat(logged.all()).isEmpty();

      Migrations.apply(connection, CLOCK);

      assertThat(logged.all()).hasSize(2);
      assertThat(logged.all().get(0)).startsWith("upgrading the database from schema 7 to 9");
      assertThat(logged.all().get(1)).startsWith("database at schema 9 after ");
    }
  }

  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? " " : "").append(result.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  @Test
  void statementsSplitAtLineEndSemicolonsAndSkipComments() {
    assertThat(Migrations.statements("""
        -- a comment; with a semicolon
        CREATE TABLE a (
          x TEXT DEFAULT ';'
        );
        CREATE INDEX a_x ON a (x);
        """)).containsExactly("CREATE TABLE a (\n  x TEXT DEFAULT ';'\n);",
            "CREATE INDEX a_x ON a (x);");
  }
}
