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
      assertThat(Migrations.apply(connection, CLOCK)).containsExactly(1, 2, 3);
      List<String> first = versions(connection);
      assertThat(first).containsExactly("1 V1__init.sql " + CLOCK.millis(),
          "2 V2__near_duplicates.sql " + CLOCK.millis(),
          "3 V3__category_membership.sql " + CLOCK.millis());

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
