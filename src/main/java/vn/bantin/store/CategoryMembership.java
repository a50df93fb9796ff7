package vn.bantin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import vn.bantin.model.Entry;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;

/**
 * Keeps {@code category_stories} current: which categories show a story, decided by the rules
 * {@link Store#categorize} installed, for the story as readers see it (first sighting's text,
 * every source that carried it). Runs inside the writer's transaction.
 */
final class CategoryMembership {
  private static final String VERSION_KEY = "category_rules";
  private static final String INSERT = "INSERT OR IGNORE INTO category_stories"
      + " (category_id, story_rid, published) VALUES (?, ?, ?)";

  private CategoryMembership() {}

  /**
   * Recomputes the categories of one story that was created, joined or edited.
   *
   * @param storyRid its key ({@code stories.rid})
   * @return every category that showed it before or shows it now, whose renderings changed
   */
  static Set<String> update(StatementCache statements, long storyRid, String storyId,
      Function<Story, Set<String>> rules) throws SQLException {
    Story story = story(statements, storyRid, storyId);
    if (story == null) {
      return Set.of(); // no story, no membership (they go with it)
    }
    Set<String> before = categoriesOf(statements, storyRid);
    Set<String> after = rules.apply(story);
    PreparedStatement delete = statements.get(
        "DELETE FROM category_stories WHERE story_rid = ? AND category_id = ?");
    PreparedStatement insert = statements.get(INSERT);
    for (String category : before) {
      if (!after.contains(category)) {
        delete.setLong(1, storyRid);
        delete.setString(2, category);
        delete.executeUpdate();
      }
    }
    for (String category : after) {
      if (!before.contains(category)) {
        add(insert, category, storyRid, story.published());
      }
    }
    Set<String> touched = new TreeSet<>(before);
    touched.addAll(after);
    return touched;
  }

  /**
   * Files a story just created from {@code entry}, which no category shows yet, under {@code
   * categories} ({@link #ofNew}): as {@link #update}, without reading back what was just written.
   *
   * @return {@code categories}
   */
  static Set<String> addNew(StatementCache statements, long storyRid, Entry entry,
      Set<String> categories) throws SQLException {
    PreparedStatement insert = statements.get(INSERT);
    for (String category : categories) {
      add(insert, category, storyRid, storedPublished(entry));
    }
    return categories;
  }

  /** The categories {@code rules} give the story {@code entry} starts as {@code storyId}. */
  static Set<String> ofNew(String storyId, Entry entry, Function<Story, Set<String>> rules) {
    // Exactly what story() would read back: the stored columns, published to the millisecond.
    Story story = new Story(storyId, null, entry.title(), entry.summaryHtml(), "", null,
        storedPublished(entry), refs(entry.sourceId()));
    return new TreeSet<>(rules.apply(story));
  }

  private static Instant storedPublished(Entry entry) {
    return Instant.ofEpochMilli(entry.published().toEpochMilli());
  }

  /**
   * Rebuilds every membership when {@code version} differs from the rules the table was built
   * with; does nothing otherwise.
   *
   * @return whether it rebuilt
   */
  static boolean rebuild(Connection c, String version, Function<Story, Set<String>> rules)
      throws SQLException {
    if (version.equals(storedVersion(c))) {
      return false;
    }
    Jdbc.execute(c, "DELETE FROM category_stories");
    String sql = "SELECT s.id, s.title, s.summary_html, s.published,"
        + " (SELECT group_concat(DISTINCT e.source_id) FROM entries e WHERE e.story_rid = s.rid),"
        + " s.rid FROM stories s";
    try (PreparedStatement stories = c.prepareStatement(sql);
        ResultSet rows = stories.executeQuery();
        PreparedStatement insert = c.prepareStatement(INSERT)) {
      while (rows.next()) {
        Story story = new Story(rows.getString(1), null, rows.getString(2), rows.getString(3),
            "", null, Instant.ofEpochMilli(rows.getLong(4)), refs(rows.getString(5)));
        for (String category : rules.apply(story)) {
          add(insert, category, rows.getLong(6), story.published());
        }
      }
    }
    try (PreparedStatement save = c.prepareStatement(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE"
            + " SET value = excluded.value")) {
      save.setString(1, VERSION_KEY);
      save.setString(2, version);
      save.executeUpdate();
    }
    return true;
  }

  /** The story as the rules see it: text of the first sighting, ids of every source. */
  private static Story story(StatementCache statements, long storyRid, String storyId)
      throws SQLException {
    PreparedStatement query = statements.get("SELECT title, summary_html, published,"
        + " (SELECT group_concat(DISTINCT e.source_id) FROM entries e WHERE e.story_rid = s.rid)"
        + " FROM stories s WHERE rid = ?");
    query.setLong(1, storyRid);
    try (ResultSet row = query.executeQuery()) {
      return row.next() ? new Story(storyId, null, row.getString(1), row.getString(2), "",
          null, Instant.ofEpochMilli(row.getLong(3)), refs(row.getString(4))) : null;
    }
  }

  private static Set<String> categoriesOf(StatementCache statements, long storyRid)
      throws SQLException {
    Set<String> categories = new HashSet<>();
    PreparedStatement query = statements.get(
        "SELECT category_id FROM category_stories WHERE story_rid = ?");
    query.setLong(1, storyRid);
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        categories.add(rows.getString(1));
      }
    }
    return categories;
  }

  private static List<SourceRef> refs(String sourceIds) {
    List<SourceRef> refs = new ArrayList<>();
    if (sourceIds != null) {
      for (String id : sourceIds.split(",")) {
        refs.add(new SourceRef(id, null, null));
      }
    }
    return refs;
  }


  private static void add(PreparedStatement insert, String category, long storyRid,
      Instant published) throws SQLException {
    insert.setString(1, category);
    insert.setLong(2, storyRid);
    Jdbc.setInstant(insert, 3, published);
    insert.executeUpdate();
  }

  private static String storedVersion(Connection c) throws SQLException {
    try (PreparedStatement query = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      query.setString(1, VERSION_KEY);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }
}
