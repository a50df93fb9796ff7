package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.store.StoreFixture.await;
import static vn.bantin.store.StoreFixture.config;
import static vn.bantin.store.StoreFixture.hoursAgo;
import static vn.bantin.store.StoreFixture.polled;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.dedup.Fingerprint;
import vn.bantin.model.Entry;

/**
 * SQLite's near-duplicate bands (schema V4: no foreign key, so the store deletes them itself).
 * Rule 4's behaviour is in {@link StoreContractTest}.
 */
class SqliteStoreBandsTest {
  private static final String VOV_SUMMARY = "VOV.VN - Sáng 24/11, tại thành phố Lai Châu, Ban"
      + " Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết công tác xây dựng nông thôn mới, đánh giá"
      + " kết quả 10 tháng năm 2026 với 62 xã đạt chuẩn và đề ra nhiệm vụ trọng tâm đến cuối"
      + " năm.";

  @TempDir Path dir;
  private Vertx vertx;
  private SqliteStore store;

  @BeforeEach
  void open() throws Exception {
    vertx = StoreFixture.vertx();
    store = StoreFixture.open(vertx, dir);
    await(store.syncSources(List.of(config("vov", "VOV", "https://vov.vn/rss"),
        config("baodienbienphu", "Báo Điện Biên Phủ", "https://baodienbienphu.com.vn/rss"))));
  }

  @AfterEach
  void close() throws Exception {
    await(store.close());
    await(vertx.close());
  }

  @Test
  void pruneDeletesTheBandsOfThePrunedEntriesOnly() throws Exception {
    ingest(entry("vov", "https://vov.vn/a-post1.vov",
        "Lai Châu sơ kết 10 tháng xây dựng nông thôn mới", VOV_SUMMARY, hoursAgo(30)));
    ingest(entry("baodienbienphu", "https://baodienbienphu.com.vn/tin/7",
        "Điện Biên sơ kết 10 tháng xây dựng nông thôn mới",
        VOV_SUMMARY.replace("VOV.VN", "ĐBP").replace("thành phố Lai Châu", "thành phố Điện Biên"
        + " Phủ"), hoursAgo(2)));
    assertThat(bandsOf("baodienbienphu")).isEqualTo(Fingerprint.BANDS);
    assertThat(bandRows()).isEqualTo(2 * Fingerprint.BANDS);

    assertThat(await(store.prune(hoursAgo(10)))).isEqualTo(1);

    assertThat(bandRows()).isEqualTo(Fingerprint.BANDS);
    assertThat(bandsOf("baodienbienphu")).isEqualTo(Fingerprint.BANDS);
  }

  private long bandRows() throws SQLException {
    return count("SELECT COUNT(*) FROM entry_bands");
  }

  private long bandsOf(String source) throws SQLException {
    return count("SELECT COUNT(*) FROM entry_bands b JOIN entries e ON e.id = b.entry_id"
        + " WHERE e.source_id = '" + source + "'");
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(
            "jdbc:sqlite:" + dir.resolve(SqliteStore.DATABASE_FILE));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private IngestResult ingest(Entry entry) throws Exception {
    return await(store.ingest(polled(entry.sourceId(), null, null), List.of(entry)));
  }

  private static Entry entry(String source, String link, String title, String summary,
      Instant published) {
    return new Entry(source, "link:" + link, link, title, "<p>" + summary + "</p>", "", null,
        published, published.plus(Duration.ofMinutes(5)));
  }
}
