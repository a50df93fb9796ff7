package vn.bantin.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.store.StoreFixture.CLOCK;
import static vn.bantin.store.StoreFixture.NOW;
import static vn.bantin.store.StoreFixture.await;
import static vn.bantin.store.StoreFixture.config;
import static vn.bantin.store.StoreFixture.polled;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.bantin.model.Entry;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;
import vn.bantin.store.IngestResult;
import vn.bantin.store.StoreFixture;

/**
 * Several instances on one database, as in production behind a load balancer: they start at once
 * and they poll the same story at the same moment, and still make one schema and one story.
 */
class PgStoreInstancesTest {
  private static final int ROUNDS = 24;

  private static final EmbeddedDatabases DATABASES = EmbeddedDatabases.shared();
  private Vertx vertx;
  private String url;
  private final List<PgStore> opened = new ArrayList<>();

  @BeforeEach
  void freshDatabase() throws Exception {
    vertx = StoreFixture.vertx();
    url = DATABASES.newDatabase();
  }

  @AfterEach
  void closeStores() throws Exception {
    for (PgStore store : opened) {
      await(store.close());
    }
    await(vertx.close());
  }

  private List<PgStore> openAtOnce(int count) throws Exception {
    List<Future<PgStore>> opening = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      opening.add(PgStore.open(vertx, url, 2, 2, CLOCK));
    }
    for (Future<PgStore> store : opening) {
      opened.add(await(store));
    }
    return List.copyOf(opened);
  }

  @Test
  void instancesStartingAtOnceMigrateOnce() throws Exception {
    openAtOnce(4);
    try (Connection connection = DATABASES.jdbc(url);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version, applied_at FROM schema_version"
            + " ORDER BY version")) {
      for (int version = 1; version <= PgMigrations.SCRIPTS.size(); version++) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(version);
        assertThat(rows.getLong(2)).isEqualTo(CLOCK.millis());
      }
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void aDatabaseNewerThanTheProgramIsRefused() throws Exception {
    await(openAtOnce(1).get(0).close());
    opened.clear();
    try (Connection connection = DATABASES.jdbc(url);
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO schema_version VALUES (99, 'V99__future.sql', 0)");
    }
    assertThat(PgStore.open(vertx, url, 1, 1, CLOCK).toCompletionStage().toCompletableFuture())
        .failsWithin(Duration.ofSeconds(20))
        .withThrowableThat().withMessageContaining("newer than this program");
  }

  /**
   * Each round, two instances ingest at the same moment two sightings of one story by another
   * rule (2: the same canonical link; 3: the same title; 4: a near-duplicate text; 1: the same
   * source and guid twice). Rounds are 100 hours apart, so they are different stories.
   */
  @Test
  void twoInstancesIngestingOneStoryAtOnceMakeOneStory() throws Exception {
    List<PgStore> stores = openAtOnce(2);
    await(stores.get(0).syncSources(List.of(config("vov", "VOV", "https://vov.vn/rss"),
        config("nhandan", "Nhân Dân", "https://nhandan.vn/rss"))));
    List<Future<IngestResult>> results = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      Entry[] pair = sightings(round);
      results.add(stores.get(0).ingest(polled(pair[0].sourceId(), null, null), List.of(pair[0])));
      results.add(stores.get(1).ingest(polled(pair[1].sourceId(), null, null), List.of(pair[1])));
    }
    int created = 0;
    for (Future<IngestResult> result : results) {
      created += await(result).newStories();
    }

    assertThat(created).isEqualTo(ROUNDS);
    await(stores.get(1).categorize("all", story -> Set.of("all")));
    List<Story> stories = await(stores.get(0).stories("all", 500, null));
    assertThat(stories).hasSize(ROUNDS);
    for (int round = 0; round < ROUNDS; round++) {
      Set<String> expected = round % 4 == 3 ? Set.of("vov") : Set.of("vov", "nhandan");
      assertThat(stories.get(round).sources()).extracting(SourceRef::id)
          .as("round %d", round).containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(await(stores.get(1).entryCounts()))
        .isEqualTo(Map.of("vov", (long) ROUNDS, "nhandan", (long) ROUNDS * 3 / 4));
  }

  private static Entry[] sightings(int round) {
    Instant published = NOW.minus(Duration.ofHours(100L * round));
    Instant fetched = published.plusSeconds(60);
    String vovLink = "https://vov.vn/tin-" + round + ".vov";
    String title = "Tỉnh ủy họp phiên thứ " + round;
    String summary = "Sáng nay, tại trụ sở, Ban Thường vụ Tỉnh ủy họp phiên thứ " + round
        + " để cho ý kiến về công tác cán bộ, chương trình xây dựng nông thôn mới và nhiệm vụ"
        + " phát triển kinh tế xã hội của tỉnh trong những tháng cuối năm.";
    Entry vov = new Entry("vov", "g" + round, vovLink, title, "<p>" + summary + "</p>", "", null,
        published, fetched);
    Entry other = switch (round % 4) {
      case 0 -> new Entry("nhandan", "n" + round, vovLink + "?utm_source=nhandan",
          "Tin đăng lại số " + round, "", "", null, published, fetched);
      case 1 -> new Entry("nhandan", "n" + round, "https://nhandan.vn/" + round,
          title.toUpperCase(), "", "", null, published, fetched);
      case 2 -> new Entry("nhandan", "n" + round, "https://nhandan.vn/" + round,
          "Phiên họp thứ " + round + " của Ban Thường vụ Tỉnh ủy",
          "<p>NDO - " + summary + "</p>", "", null, published, fetched);
      default -> vov;
    };
    return new Entry[] {vov, other};
  }
}
