package vn.bantin.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;

/** Reads stories as readers see them: one query for the stories, one for their sources. */
final class PgStories {

  private PgStories() {}

  /**
   * The newest {@code limit} stories of category {@code categoryId} published at or after
   * {@code since} ({@code null}: any time), newest first, then by id descending: one range of
   * {@code category_stories_newest}. Each lists its sources, the first sighting first.
   */
  static Future<List<Story>> inCategory(SqlClient client, String categoryId, int limit,
      Instant since) {
    if (limit == 0) {
      return Future.succeededFuture(List.of());
    }
    return client.preparedQuery("SELECT s.id, s.link, s.title, s.summary_html, s.content_html,"
            + " s.author, s.published FROM category_stories cs JOIN stories s"
            + " ON s.id = cs.story_id WHERE cs.category_id = $1 AND cs.published >= $2"
            + " ORDER BY cs.published DESC, cs.story_id DESC LIMIT $3")
        .execute(Tuple.of(categoryId, since == null ? Long.MIN_VALUE : since.toEpochMilli(),
            limit))
        .compose(rows -> withSources(client, rows));
  }

  private static Future<List<Story>> withSources(SqlClient client, RowSet<Row> rows) {
    List<Row> stories = new ArrayList<>();
    rows.forEach(stories::add);
    if (stories.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    String[] ids = stories.stream().map(row -> row.getString("id")).toArray(String[]::new);
    return sourcesOf(client, ids).map(sources -> {
      List<Story> result = new ArrayList<>(stories.size());
      for (Row row : stories) {
        String id = row.getString("id");
        result.add(new Story(id, row.getString("link"), row.getString("title"),
            row.getString("summary_html"), row.getString("content_html"),
            row.getString("author"), Instant.ofEpochMilli(row.getLong("published")),
            sources.getOrDefault(id, List.of())));
      }
      return result;
    });
  }

  /** Each story's sources in order of first sighting, one per source, in one query. */
  private static Future<Map<String, List<SourceRef>>> sourcesOf(SqlClient client, String[] ids) {
    // A source's title falls back to its id when feeds.yml never named it (synced later). The
    // first sighting (the entry the story was made from) comes first, then the others in the
    // order they were written: fetch times of concurrent polls need not agree with it.
    return client.preparedQuery("SELECT e.story_id, e.source_id,"
            + " COALESCE(src.title, e.source_id) AS title, e.link FROM entries e"
            + " JOIN sources src ON src.id = e.source_id JOIN stories s ON s.id = e.story_id"
            + " WHERE e.story_id = ANY($1) ORDER BY (e.source_id = s.first_source_id"
            + " AND e.entry_key = s.first_entry_key) DESC, e.seq")
        .execute(Tuple.of(ids))
        .map(rows -> {
          Map<String, Map<String, SourceRef>> byStory = new HashMap<>();
          for (Row row : rows) {
            String sourceId = row.getString("source_id");
            byStory.computeIfAbsent(row.getString("story_id"), id -> new LinkedHashMap<>())
                .putIfAbsent(sourceId, new SourceRef(sourceId, row.getString("title"),
                    row.getString("link")));
          }
          Map<String, List<SourceRef>> sources = new HashMap<>();
          byStory.forEach((id, refs) -> sources.put(id, List.copyOf(refs.values())));
          return sources;
        });
  }
}
