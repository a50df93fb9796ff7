package vn.bantin.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.sqlite.SQLiteConfig;
import vn.bantin.bench.FloorEntries.Poll;
import vn.bantin.dedup.Fingerprint;
import vn.bantin.dedup.StoryIdentity.Keys;
import vn.bantin.dedup.StoryIds;
import vn.bantin.model.Entry;
import vn.bantin.store.SqliteStore;

/**
 * The SQLite floor of bantin's schema: the rows bantin writes for new stories (story, entry,
 * near-duplicate bands, category membership, the source's state), with the same column values,
 * inserted with bare prepared statements in one transaction per group of polls, with none of
 * bantin's lookups, savepoints or Java around them. The connection is configured as bantin's
 * writer ({@code vn.bantin.store.Connections}), unless {@link Variant#noSync}. Since schema V5
 * bantin keeps the bands in memory; variants with bands write them into a table of the V4 layout,
 * created here, to show what they cost in SQLite.
 */
final class FloorWriter {

  /**
   * What is written, and how. {@code rowidKeys}: entries and memberships name their story by an
   * integer key ({@link #toRowidKeys}), the layout a schema V8 would have, instead of its text id.
   */
  record Variant(String name, boolean bands, boolean categories, boolean noSync,
      boolean rowidKeys) {}

  private static final String BANDS = "INSERT OR IGNORE INTO entry_bands"
      + " (band, published, entry_id) VALUES "
      + String.join(", ", Collections.nCopies(Fingerprint.BANDS, "(?, ?, ?)"));

  private FloorWriter() {}

  /**
   * Rebuilds the store in {@code dir} as a schema V8 prototype (not timed): stories get an
   * {@code INTEGER PRIMARY KEY} {@code rid} beside their unique text id, and entries and
   * category memberships name the story by it, so that a new story's rows append to {@code
   * entries_by_story} and the membership key instead of landing at the random place of a hashed
   * id. Foreign keys and indexes as in the current schema, by {@code rid}.
   */
  static void toRowidKeys(Path dir) throws SQLException {
    String url = "jdbc:sqlite:" + dir.resolve(SqliteStore.DATABASE_FILE).toAbsolutePath();
    try (Connection c = new SQLiteConfig().createConnection(url);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA foreign_keys = OFF");
      s.execute("BEGIN");
      s.execute("CREATE TABLE stories_v8 (rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
          + " link TEXT, title TEXT NOT NULL, summary_html TEXT NOT NULL,"
          + " content_html TEXT NOT NULL, author TEXT, published INTEGER NOT NULL,"
          + " first_source_id TEXT NOT NULL, first_entry_key TEXT NOT NULL,"
          + " created_at INTEGER NOT NULL)");
      s.execute("INSERT INTO stories_v8 SELECT rowid, id, link, title, summary_html,"
          + " content_html, author, published, first_source_id, first_entry_key, created_at"
          + " FROM stories ORDER BY rowid");
      s.execute("CREATE TABLE entries_v8 (id INTEGER PRIMARY KEY, source_id TEXT NOT NULL"
          + " REFERENCES sources (id), entry_key TEXT NOT NULL, story_rid INTEGER NOT NULL"
          + " REFERENCES stories_v8 (rid) ON DELETE CASCADE, link TEXT, canonical_link TEXT,"
          + " title TEXT NOT NULL, title_key TEXT, published INTEGER NOT NULL,"
          + " fetched_at INTEGER NOT NULL, last_seen INTEGER NOT NULL, signature BLOB,"
          + " marks TEXT, UNIQUE (source_id, entry_key))");
      s.execute("INSERT INTO entries_v8 SELECT e.id, e.source_id, e.entry_key, st.rid, e.link,"
          + " e.canonical_link, e.title, e.title_key, e.published, e.fetched_at, e.last_seen,"
          + " e.signature, e.marks FROM entries e JOIN stories_v8 st ON st.id = e.story_id"
          + " ORDER BY e.id");
      s.execute("CREATE TABLE category_stories_v8 (story_rid INTEGER NOT NULL"
          + " REFERENCES stories_v8 (rid) ON DELETE CASCADE, category_id TEXT NOT NULL,"
          + " published INTEGER NOT NULL, PRIMARY KEY (story_rid, category_id)) WITHOUT ROWID");
      s.execute("INSERT INTO category_stories_v8 SELECT st.rid, m.category_id, m.published"
          + " FROM category_stories m JOIN stories_v8 st ON st.id = m.story_id");
      s.execute("DROP TABLE category_stories");
      s.execute("DROP TABLE entries");
      s.execute("DROP TABLE stories");
      s.execute("ALTER TABLE stories_v8 RENAME TO stories");
      s.execute("ALTER TABLE entries_v8 RENAME TO entries");
      s.execute("ALTER TABLE category_stories_v8 RENAME TO category_stories");
      s.execute("CREATE INDEX stories_by_published ON stories (published DESC, rid DESC)");
      s.execute("CREATE INDEX entries_by_story ON entries (story_rid, source_id)");
      s.execute("CREATE INDEX entries_by_canonical_link ON entries (canonical_link)");
      s.execute("CREATE INDEX category_stories_newest ON category_stories"
          + " (category_id, published DESC, story_rid DESC)");
      s.execute("COMMIT");
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
  }

  /**
   * Writes {@code polls} into the store in dir, in order, one transaction per group: the first
   * {@code groups[0]} polls, then the next {@code groups[1]} ...
   */
  static void write(Path dir, List<Poll> polls, int[] groups, String category,
      Variant variant, Instant now) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    config.setBusyTimeout(5_000);
    config.setGetGeneratedKeys(false);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(variant.noSync()
        ? SQLiteConfig.SynchronousMode.OFF : SQLiteConfig.SynchronousMode.NORMAL);
    config.setCacheSize(-64 * 1024);
    String url = "jdbc:sqlite:" + dir.resolve(SqliteStore.DATABASE_FILE).toAbsolutePath();
    try (Connection c = config.createConnection(url); Statement plain = c.createStatement()) {
      // 0 turns automatic checkpoints off: the WAL only grows, nothing is copied or fsynced.
      plain.execute("PRAGMA wal_autocheckpoint = " + (variant.noSync() ? 0 : 8192));
      plain.execute("CREATE TABLE IF NOT EXISTS entry_bands (band INTEGER NOT NULL,"
          + " published INTEGER NOT NULL, entry_id INTEGER NOT NULL,"
          + " PRIMARY KEY (band, published, entry_id)) WITHOUT ROWID");
      long id;
      try (ResultSet max = plain.executeQuery("SELECT coalesce(max(id), 0) FROM entries")) {
        max.next();
        id = max.getLong(1);
      }
      long rid = 0;
      if (variant.rowidKeys()) {
        try (ResultSet max = plain.executeQuery("SELECT coalesce(max(rid), 0) FROM stories")) {
          max.next();
          rid = max.getLong(1);
        }
      }
      String storyKey = variant.rowidKeys() ? "rid, " : "";
      String storyKeyValue = variant.rowidKeys() ? "?, " : "";
      String entryStory = variant.rowidKeys() ? "story_rid" : "story_id";
      try (PreparedStatement source = c.prepareStatement("UPDATE sources SET etag = ?,"
              + " last_fetch = ?, last_status = 200, state_saved = ? WHERE id = ?");
          PreparedStatement story = c.prepareStatement("INSERT INTO stories (" + storyKey
              + "id, link, title, summary_html, content_html, author, published,"
              + " first_source_id, first_entry_key, created_at) VALUES (" + storyKeyValue
              + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement entry = c.prepareStatement("INSERT INTO entries (id, source_id,"
              + " entry_key, " + entryStory + ", link, canonical_link, title, title_key,"
              + " published, fetched_at, last_seen, signature, marks)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement bands = c.prepareStatement(BANDS);
          PreparedStatement member = c.prepareStatement("INSERT OR IGNORE INTO category_stories"
              + " (category_id, " + (variant.rowidKeys() ? "story_rid" : "story_id")
              + ", published) VALUES (?, ?, ?)")) {
        int start = 0;
        for (int size : groups) {
          plain.execute("BEGIN IMMEDIATE");
          for (Poll poll : polls.subList(start, start + size)) {
            source.setString(1, "\"" + Long.toHexString(now.toEpochMilli()) + "\"");
            source.setLong(2, now.toEpochMilli());
            source.setLong(3, now.toEpochMilli());
            source.setString(4, poll.sourceId());
            source.executeUpdate();
            for (int i = 0; i < poll.entries().size(); i++) {
              Entry e = poll.entries().get(i);
              Keys k = poll.keys().get(i);
              String storyId = StoryIds.mint(e.sourceId(), e.key());
              long published = e.published().toEpochMilli();
              int at = 0;
              if (variant.rowidKeys()) {
                story.setLong(++at, ++rid);
              }
              story.setString(++at, storyId);
              story.setString(++at, e.link());
              story.setString(++at, e.title());
              story.setString(++at, e.summaryHtml());
              story.setString(++at, e.contentHtml());
              story.setString(++at, e.author());
              story.setLong(++at, published);
              story.setString(++at, e.sourceId());
              story.setString(++at, e.key());
              story.setLong(++at, now.toEpochMilli());
              story.executeUpdate();
              entry.setLong(1, ++id);
              entry.setString(2, e.sourceId());
              entry.setString(3, e.key());
              if (variant.rowidKeys()) {
                entry.setLong(4, rid);
              } else {
                entry.setString(4, storyId);
              }
              entry.setString(5, e.link());
              entry.setString(6, k.canonicalLink());
              entry.setString(7, e.title());
              entry.setString(8, k.titleKey());
              entry.setLong(9, published);
              entry.setLong(10, e.fetchedAt().toEpochMilli());
              entry.setLong(11, e.fetchedAt().toEpochMilli());
              entry.setBytes(12, k.fingerprint().signatureBytes());
              entry.setString(13, k.fingerprint().marks());
              entry.executeUpdate();
              long[] hashes = k.fingerprint().bands();
              if (variant.bands() && hashes.length > 0) {
                for (int b = 0; b < hashes.length; b++) {
                  bands.setLong(3 * b + 1, hashes[b]);
                  bands.setLong(3 * b + 2, published);
                  bands.setLong(3 * b + 3, id);
                }
                bands.executeUpdate();
              }
              if (variant.categories()) {
                member.setString(1, category);
                if (variant.rowidKeys()) {
                  member.setLong(2, rid);
                } else {
                  member.setString(2, storyId);
                }
                member.setLong(3, published);
                member.executeUpdate();
              }
            }
          }
          plain.execute("COMMIT");
          start += size;
        }
      }
    }
  }
}
