package vn.bantin.store.pg;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.bantin.dedup.StoryIdentity.Keys;
import vn.bantin.model.Entry;

/** The rows one ingest writes for its entries, inside the caller's transaction. */
final class PgEntryRows {

  /** What touching a stored entry found: gone (pruned meanwhile), seen again, or its edit. */
  enum Touch { GONE, SEEN, EDITED }

  private final SqlConnection c;
  private final Instant now;

  PgEntryRows(SqlConnection c, Instant now) {
    this.c = c;
    this.now = now;
  }

  /**
   * What inserting an entry did.
   *
   * @param created whether its story was created (false: it joined, or the id existed)
   * @param inserted whether the entry was inserted (false: it was stored already)
   */
  record Inserted(boolean created, boolean inserted) {}

  // An entry, and with CREATE first the story it starts, in one statement: rows written by the
  // sub-statements of one WITH are checked against their foreign keys when the whole statement
  // ends (PostgreSQL "WITH Queries", section 7.8.4), so one round trip writes both.
  private static final String ENTRY = "e AS (INSERT INTO entries (source_id, entry_key,"
      + " story_id, link, canonical_link, title, title_key, published, fetched_at, last_seen,"
      + " signature, marks, bands) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12)"
      + " ON CONFLICT (source_id, entry_key) DO NOTHING RETURNING 1)";
  private static final String JOIN = "WITH " + ENTRY + " SELECT 0::bigint,"
      + " (SELECT count(*) FROM e)";
  private static final String CREATE = "WITH s AS (INSERT INTO stories (id, link, title,"
      + " summary_html, content_html, author, published, first_source_id, first_entry_key,"
      + " created_at) VALUES ($3, $4, $6, $13, $14, $15, $8, $1, $2, $16)"
      + " ON CONFLICT (id) DO NOTHING RETURNING 1), " + ENTRY
      + " SELECT (SELECT count(*) FROM s), (SELECT count(*) FROM e)";

  /**
   * Inserts an entry with its identity keys and fingerprint bands ({@link BandKeys}), and with
   * {@code newStory} first the story it is the first sighting of, in one statement.
   *
   * @param k its keys, the fingerprint computed
   */
  Future<Inserted> insert(Entry entry, Keys k, String storyId, boolean newStory) {
    byte[] signature = k.fingerprint().signatureBytes();
    List<Object> values = new ArrayList<>(Arrays.asList(entry.sourceId(), entry.key(), storyId,
        entry.link(), k.canonicalLink(), entry.title(), k.titleKey(),
        entry.published().toEpochMilli(), entry.fetchedAt().toEpochMilli(),
        signature == null ? null : Buffer.buffer(signature), k.fingerprint().marks(),
        BandKeys.stored(k.fingerprint().bands(), entry.published().toEpochMilli())));
    if (newStory) {
      values.addAll(Arrays.asList(entry.summaryHtml(), entry.contentHtml(), entry.author(),
          now.toEpochMilli()));
    }
    return c.preparedQuery(newStory ? CREATE : JOIN).execute(Tuple.from(values))
        .map(rows -> {
          Row row = rows.iterator().next();
          return new Inserted(row.getLong(0) > 0, row.getLong(1) > 0);
        });
  }

  /**
   * Marks stored entries seen, with their current link and title: two batched statements
   * whatever their number. An entry that is its story's first sighting and whose text changed
   * edits the story, since only the first sighting's text is shown.
   *
   * @param stories the story of each entry
   * @return what each touch found, in the order of {@code entries}
   */
  Future<List<Touch>> touch(List<Entry> entries, List<Keys> keys, List<String> stories) {
    if (entries.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<Tuple> seen = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      Keys k = keys.get(i);
      seen.add(Tuple.from(Arrays.asList(entry.fetchedAt().toEpochMilli(), entry.link(),
          k.canonicalLink(), entry.title(), k.titleKey(), entry.sourceId(), entry.key())));
    }
    return c.preparedQuery("UPDATE entries SET last_seen = $1, link = $2, canonical_link = $3,"
            + " title = $4, title_key = $5 WHERE source_id = $6 AND entry_key = $7")
        .executeBatch(seen)
        .compose(result -> {
          List<Integer> found = rowCounts(result);
          List<Tuple> edits = new ArrayList<>();
          for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            edits.add(Tuple.from(Arrays.asList(entry.title(), entry.summaryHtml(),
                entry.contentHtml(), entry.author(), stories.get(i), entry.sourceId(),
                entry.key())));
          }
          return c.preparedQuery("UPDATE stories SET title = $1, summary_html = $2,"
                  + " content_html = $3, author = $4 WHERE id = $5 AND first_source_id = $6"
                  + " AND first_entry_key = $7 AND (title, summary_html, content_html, author)"
                  + " IS DISTINCT FROM ($1, $2, $3, $4)")
              .executeBatch(edits)
              .map(edited -> {
                List<Integer> changed = rowCounts(edited);
                List<Touch> touches = new ArrayList<>(entries.size());
                for (int i = 0; i < entries.size(); i++) {
                  touches.add(found.get(i) == 0 ? Touch.GONE
                      : changed.get(i) > 0 ? Touch.EDITED : Touch.SEEN);
                }
                return touches;
              });
        });
  }

  /** The row count of each execution of a batch, in order. */
  private static List<Integer> rowCounts(RowSet<Row> batch) {
    List<Integer> counts = new ArrayList<>();
    for (RowSet<Row> result = batch; result != null; result = result.next()) {
      counts.add(result.rowCount());
    }
    return counts;
  }
}
