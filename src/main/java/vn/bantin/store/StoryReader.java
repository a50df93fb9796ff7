package vn.bantin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;

/** Reads stories as readers see them: two queries, one for the stories, one for their sources. */
final class StoryReader {

  private StoryReader() {}

  /**
   * The newest {@code limit} stories of category {@code categoryId} published at or after
   * {@code since} ({@code null}: any time): one range of {@code category_stories_newest}.
   */
  static List<Story> inCategory(Connection connection, String categoryId, int limit,
      Instant since) throws SQLException {
    if (limit == 0) {
      return List.of();
    }
    String sql = "SELECT s.id, s.link, s.title, s.summary_html, s.content_html, s.author,"
        + " s.published, s.rid FROM category_stories cs JOIN stories s ON s.rid = cs.story_rid"
        + " WHERE cs.category_id = ? AND cs.published >= ?"
        + " ORDER BY cs.published DESC, s.id DESC LIMIT ?";
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, categoryId);
      query.setLong(2, since == null ? Long.MIN_VALUE : since.toEpochMilli());
      query.setInt(3, limit);
      return stories(connection, query);
    }
  }

  /**
   * Runs {@code query} (id, link, title, summary, content, author, published, rid) with sources.
   */
  private static List<Story> stories(Connection connection, PreparedStatement query)
      throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (ResultSet result = query.executeQuery()) {
      while (result.next()) {
        rows.add(new Row(result.getString(1), result.getString(2), result.getString(3),
            result.getString(4), result.getString(5), result.getString(6),
            Instant.ofEpochMilli(result.getLong(7)), result.getLong(8)));
      }
    }
    Map<String, List<SourceRef>> sources = sourcesOf(connection, rows);
    List<Story> stories = new ArrayList<>(rows.size());
    for (Row row : rows) {
      stories.add(new Story(row.id(), row.link(), row.title(), row.summaryHtml(),
          row.contentHtml(), row.author(), row.published(),
          sources.getOrDefault(row.id(), List.of())));
    }
    return stories;
  }

  private record Row(String id, String link, String title, String summaryHtml,
      String contentHtml, String author, Instant published, long rid) {}

  /** Each story's sources in order of first sighting, one per source, in one query. */
  private static Map<String, List<SourceRef>> sourcesOf(Connection connection, List<Row> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return Map.of();
    }
    // A source's title falls back to its id when feeds.yml never named it (synced later).
    // The first sighting (the entry the story was made from) comes first, then the others in
    // the order they were written: fetch times of concurrent polls need not agree with it.
    String sql = "SELECT s.id AS story_id, e.source_id,"
        + " COALESCE(src.title, e.source_id) AS title, e.link FROM stories s"
        + " JOIN entries e ON e.story_rid = s.rid JOIN sources src ON src.id = e.source_id"
        + " WHERE s.rid IN (" + placeholders(rows.size()) + ")"
        + " ORDER BY (e.source_id = s.first_source_id AND e.entry_key = s.first_entry_key) DESC,"
        + " e.rowid";
    Map<String, Map<String, SourceRef>> byStory = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < rows.size(); i++) {
        query.setLong(i + 1, rows.get(i).rid());
      }
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          String sourceId = result.getString("source_id");
          byStory.computeIfAbsent(result.getString("story_id"), id -> new LinkedHashMap<>())
              .putIfAbsent(sourceId, new SourceRef(sourceId, result.getString("title"),
                  result.getString("link")));
        }
      }
    }
    Map<String, List<SourceRef>> sources = new HashMap<>();
    byStory.forEach((id, refs) -> sources.put(id, List.copyOf(refs.values())));
    return Collections.unmodifiableMap(sources);
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }
}
