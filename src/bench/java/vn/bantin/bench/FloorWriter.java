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

  /** What is written, and how. */
  record Variant(String name, boolean bands, boolean categories, boolean noSync) {}

  private static final String BANDS = "INSERT OR IGNORE INTO entry_bands"
      + " (band, published, entry_id) VALUES "
      + String.join(", ", Collections.nCopies(Fingerprint.BANDS, "(?, ?, ?)"));

  private FloorWriter() {}

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
      long rid;
      try (ResultSet max = plain.executeQuery("SELECT coalesce(max(rid), 0) FROM stories")) {
        max.next();
        rid = max.getLong(1);
      }
      try (PreparedStatement source = c.prepareStatement("UPDATE sources SET etag = ?,"
              + " last_fetch = ?, last_status = 200, state_saved = ? WHERE id = ?");
          PreparedStatement story = c.prepareStatement("INSERT INTO stories (rid, id, link,"
              + " title, summary_html, content_html, author, published, first_source_id,"
              + " first_entry_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement entry = c.prepareStatement("INSERT INTO entries (id, source_id,"
              + " entry_key, story_rid, link, canonical_link, title, title_key, published,"
              + " fetched_at, last_seen, signature, marks)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement bands = c.prepareStatement(BANDS);
          PreparedStatement member = c.prepareStatement("INSERT OR IGNORE INTO category_stories"
              + " (category_id, story_rid, published) VALUES (?, ?, ?)")) {
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
              story.setLong(1, ++rid);
              story.setString(2, storyId);
              story.setString(3, e.link());
              story.setString(4, e.title());
              story.setString(5, e.summaryHtml());
              story.setString(6, e.contentHtml());
              story.setString(7, e.author());
              story.setLong(8, published);
              story.setString(9, e.sourceId());
              story.setString(10, e.key());
              story.setLong(11, now.toEpochMilli());
              story.executeUpdate();
              entry.setLong(1, ++id);
              entry.setString(2, e.sourceId());
              entry.setString(3, e.key());
              entry.setLong(4, rid);
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
                member.setLong(2, rid);
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
