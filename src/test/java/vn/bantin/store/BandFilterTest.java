package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.store.StoreFixture.await;
import static vn.bantin.store.StoreFixture.config;
import static vn.bantin.store.StoreFixture.hoursAgo;
import static vn.bantin.store.StoreFixture.polled;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.dedup.Fingerprint;
import vn.bantin.dedup.StoryIdentity;
import vn.bantin.model.Entry;

/** The Bloom filter of stored bands: no false negatives, few false positives. */
class BandFilterTest {

  private static final String SUMMARY = "VOV.VN - Sáng 24/11, tại thành phố Lai Châu, Ban"
      + " Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết công tác xây dựng nông thôn mới, đánh giá"
      + " kết quả 10 tháng năm 2026 với 62 xã đạt chuẩn và đề ra nhiệm vụ trọng tâm đến cuối"
      + " năm.";

  @TempDir Path dir;

  @Test
  void everyBandStoredOrWrittenIsPossibleAndFewOthersAre() throws Exception {
    Path file = dir.resolve("bands.db");
    SplittableRandom random = new SplittableRandom(7);
    List<Long> stored = new ArrayList<>();
    try (Connection writer = Connections.writer(file)) {
      Migrations.apply(writer, StoreFixture.CLOCK);
      Jdbc.inTransaction(writer, true, c -> {
        try (PreparedStatement insert = c.prepareStatement(
            "INSERT INTO entry_bands (band, published, entry_id) VALUES (?, 0, ?)")) {
          for (int i = 0; i < 20_000; i++) {
            stored.add(random.nextLong());
            insert.setLong(1, stored.get(i));
            insert.setInt(2, i);
            insert.executeUpdate();
          }
        }
        return null;
      });
      BandFilter filter = BandFilter.sizedFor(writer, Fingerprint.BANDS);
      assertThat(filter.mayContain(random.nextLong())).as("unready: every band").isTrue();
      List<Long> written = new ArrayList<>();
      for (int i = 0; i < 1_000; i++) {
        written.add(random.nextLong());
        filter.add(written.get(i));
      }
      try (Connection reader = Connections.reader(file)) {
        filter.fill(reader);
      }

      assertThat(filter.ready()).isTrue();
      assertThat(stored).allMatch(filter::mayContain);
      assertThat(written).allMatch(filter::mayContain);
      int falsePositives = 0;
      for (int i = 0; i < 100_000; i++) {
        falsePositives += filter.mayContain(random.nextLong()) ? 1 : 0;
      }
      assertThat(falsePositives).isLessThan(1_000);
    }
  }

  @Test
  void aNearDuplicateIsFoundThroughAReadyFilter() throws Exception {
    Vertx vertx = StoreFixture.vertx();
    try {
      SqliteStore store = StoreFixture.open(vertx, dir);
      await(store.syncSources(List.of(config("vov", "VOV", "https://vov.vn/rss"),
          config("dbp", "Báo Điện Biên Phủ", "https://baodienbienphu.com.vn/rss"))));
      await(store.ingest(polled("vov", null, null), List.of(entry("vov",
          "https://vov.vn/a-post1.vov", "Lai Châu sơ kết 10 tháng xây dựng nông thôn mới",
          SUMMARY, hoursAgo(30)))));
      await(store.close());
    } finally {
      await(vertx.close());
    }
    Entry reprint = entry("dbp", "https://baodienbienphu.com.vn/tin/7",
        "Sơ kết 10 tháng xây dựng nông thôn mới tại Lai Châu",
        SUMMARY.replace("VOV.VN - ", ""), hoursAgo(2));
    Path file = dir.resolve(SqliteStore.DATABASE_FILE);
    try (Connection writer = Connections.writer(file);
        Connection reader = Connections.reader(file);
        StatementCache statements = new StatementCache(writer)) {
      BandFilter filter = BandFilter.sizedFor(writer, Fingerprint.BANDS);
      filter.fill(reader);

      IngestResult result = Jdbc.inTransaction(writer, true, c -> StoryWriter.ingest(
          statements, polled("dbp", null, null), List.of(reprint),
          List.of(StoryIdentity.keysOf(reprint)), StoreFixture.NOW, null, filter));

      assertThat(filter.ready()).isTrue();
      assertThat(result.joined()).isEqualTo(1);
      assertThat(result.newStories()).isZero();
    }
  }

  private static Entry entry(String source, String link, String title, String summary,
      Instant published) {
    return new Entry(source, "link:" + link, link, title, "<p>" + summary + "</p>", "", null,
        published, published.plus(Duration.ofMinutes(5)));
  }
}
