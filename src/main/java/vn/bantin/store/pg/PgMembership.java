package vn.bantin.store.pg;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;

/**
 * Keeps {@code category_stories} current: which categories show a story, decided by the rules
 * {@link vn.bantin.store.Store#categorize} installed, for the story as readers see it (first
 * sighting's text, every source that carried it). Runs inside the caller's transaction; the
 * rules run on the compute pool.
 */
final class PgMembership {
  private static final String VERSION_KEY = "category_rules";
  /** Stories read, judged and filed per round trip when every membership is rebuilt. */
  private static final int REBUILD_PAGE = 1_000;
  private static final String STORY_SQL = "SELECT s.id, s.title, s.summary_html, s.published,"
      + " ARRAY(SELECT DISTINCT e.source_id FROM entries e WHERE e.story_id = s.id) AS sources"
      + " FROM stories s";
  private static final String INSERT = "INSERT INTO category_stories"
      + " (category_id, story_id, published) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";

  private PgMembership() {}

  /**
   * Recomputes the categories of stories that were created, joined or edited.
   *
   * @return every category that showed one of them before or shows it now
   */
  static Future<Set<String>> update(SqlConnection c, Collection<String> storyIds,
      Function<Story, Set<String>> rules, WorkerExecutor compute) {
    if (storyIds.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    String[] ids = storyIds.toArray(String[]::new);
    Future<List<Story>> stories = c.preparedQuery(STORY_SQL + " WHERE s.id = ANY($1)")
        .execute(Tuple.of(ids)).map(PgMembership::stories);
    Future<Map<String, Set<String>>> before = c.preparedQuery("SELECT story_id, category_id"
            + " FROM category_stories WHERE story_id = ANY($1)").execute(Tuple.of(ids))
        .map(rows -> {
          Map<String, Set<String>> categories = new HashMap<>();
          for (Row row : rows) {
            categories.computeIfAbsent(row.getString(0), id -> new HashSet<>())
                .add(row.getString(1));
          }
          return categories;
        });
    return Future.all(stories, before)
        .compose(v -> compute.executeBlocking(() -> judge(stories.result(), rules), false))
        .compose(after -> {
          List<Tuple> deletes = new ArrayList<>();
          List<Tuple> inserts = new ArrayList<>();
          Set<String> touched = new TreeSet<>();
          for (Story story : stories.result()) {
            Set<String> was = before.result().getOrDefault(story.id(), Set.of());
            Set<String> is = after.get(story.id());
            was.stream().filter(id -> !is.contains(id))
                .forEach(id -> deletes.add(Tuple.of(story.id(), id)));
            is.stream().filter(id -> !was.contains(id)).forEach(id -> inserts.add(
                Tuple.of(id, story.id(), story.published().toEpochMilli())));
            touched.addAll(was);
            touched.addAll(is);
          }
          return batch(c, "DELETE FROM category_stories WHERE story_id = $1"
                  + " AND category_id = $2", deletes)
              .compose(x -> batch(c, INSERT, inserts))
              .map(x -> touched);
        });
  }

  /**
   * Rebuilds every membership when {@code version} differs from the rules the table was built
   * with; does nothing otherwise. The caller holds {@link PgLocks#STORIES}.
   *
   * @return whether it rebuilt
   */
  static Future<Boolean> rebuild(SqlConnection c, String version,
      Function<Story, Set<String>> rules, WorkerExecutor compute) {
    return c.preparedQuery("SELECT value FROM meta WHERE key = $1").execute(Tuple.of(VERSION_KEY))
        .compose(rows -> {
          if (rows.size() > 0 && version.equals(rows.iterator().next().getString(0))) {
            return Future.succeededFuture(false);
          }
          return c.query("DELETE FROM category_stories").execute()
              .compose(v -> rebuildAfter(c, "", rules, compute))
              .compose(v -> c.preparedQuery("INSERT INTO meta (key, value) VALUES ($1, $2)"
                  + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                  .execute(Tuple.of(VERSION_KEY, version)))
              .map(v -> true);
        });
  }

  /** Files the stories whose ids follow {@code after}, one page at a time, by id. */
  private static Future<Void> rebuildAfter(SqlConnection c, String after,
      Function<Story, Set<String>> rules, WorkerExecutor compute) {
    return c.preparedQuery(STORY_SQL + " WHERE s.id > $1 ORDER BY s.id LIMIT " + REBUILD_PAGE)
        .execute(Tuple.of(after))
        .map(PgMembership::stories)
        .compose(page -> {
          if (page.isEmpty()) {
            return Future.succeededFuture();
          }
          return compute.executeBlocking(() -> judge(page, rules), false)
              .compose(categories -> {
                List<Tuple> inserts = new ArrayList<>();
                for (Story story : page) {
                  for (String category : categories.get(story.id())) {
                    inserts.add(Tuple.of(category, story.id(),
                        story.published().toEpochMilli()));
                  }
                }
                return batch(c, INSERT, inserts);
              })
              .compose(v -> page.size() < REBUILD_PAGE ? Future.succeededFuture()
                  : rebuildAfter(c, page.get(page.size() - 1).id(), rules, compute));
        });
  }

  private static Map<String, Set<String>> judge(List<Story> stories,
      Function<Story, Set<String>> rules) {
    Map<String, Set<String>> categories = new HashMap<>();
    for (Story story : stories) {
      categories.put(story.id(), rules.apply(story));
    }
    return categories;
  }

  private static List<Story> stories(Iterable<Row> rows) {
    List<Story> stories = new ArrayList<>();
    for (Row row : rows) {
      List<SourceRef> refs = new ArrayList<>();
      for (String id : row.getArrayOfStrings("sources")) {
        refs.add(new SourceRef(id, null, null));
      }
      stories.add(new Story(row.getString("id"), null, row.getString("title"),
          row.getString("summary_html"), "", null,
          Instant.ofEpochMilli(row.getLong("published")), refs));
    }
    return stories;
  }

  private static Future<Void> batch(SqlConnection c, String sql, List<Tuple> rows) {
    return rows.isEmpty() ? Future.succeededFuture()
        : c.preparedQuery(sql).executeBatch(rows).mapEmpty();
  }
}
