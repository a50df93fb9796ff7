package vn.bantin.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.store.StoreFixture.CLOCK;
import static vn.bantin.store.StoreFixture.NOW;
import static vn.bantin.store.StoreFixture.await;
import static vn.bantin.store.StoreFixture.config;
import static vn.bantin.store.StoreFixture.entry;
import static vn.bantin.store.StoreFixture.hoursAgo;
import static vn.bantin.store.StoreFixture.polled;

import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.bantin.model.Story;
import vn.bantin.store.StoreFixture;

/**
 * Two instances on one database hear each other's changes: what one stores, the other learns
 * within a second, by category; after losing its listening connection an instance reconnects
 * and treats every category as changed.
 */
class PgStoreNoticesTest {
  private static final EmbeddedDatabases DATABASES = EmbeddedDatabases.shared();
  /** What "every category" is recorded as in the heard queues. */
  private static final Set<String> EVERYTHING = Set.of("*");
  /** A story is in "vov-only" when VOV carried it, and in "all". */
  private static final Function<Story, Set<String>> RULES = story ->
      story.sources().stream().anyMatch(s -> s.id().equals("vov"))
          ? Set.of("all", "vov-only") : Set.of("all");

  private Vertx vertx;
  private String url;
  private PgStore a;
  private PgStore b;
  private final BlockingQueue<Set<String>> heardByA = new LinkedBlockingQueue<>();
  private final BlockingQueue<Set<String>> heardByB = new LinkedBlockingQueue<>();

  @BeforeEach
  void twoInstances() throws Exception {
    vertx = StoreFixture.vertx();
    url = DATABASES.newDatabase();
    a = await(PgStore.open(vertx, url, 2, 2, CLOCK));
    b = await(PgStore.open(vertx, url, 2, 2, CLOCK));
    a.onCategoriesChanged(heardByA::add, () -> heardByA.add(EVERYTHING));
    b.onCategoriesChanged(heardByB::add, () -> heardByB.add(EVERYTHING));
    await(a.syncSources(List.of(config("vov", "VOV", "https://vov.vn/rss"),
        config("nhandan", "Nhân Dân", "https://nhandan.vn/rss"))));
    // A files the stories; B finds them filed by the same rules and rebuilds nothing.
    assertThat(await(a.categorize("v1", RULES))).isTrue();
    assertThat(heardByB.poll(1, TimeUnit.SECONDS)).isEqualTo(EVERYTHING);
    assertThat(await(b.categorize("v1", RULES))).isFalse();
  }

  @AfterEach
  void close() throws Exception {
    await(a.close());
    await(b.close());
    await(vertx.close());
  }

  @Test
  void whatOneInstanceStoresTheOtherHearsByCategoryWithinASecond() throws Exception {
    await(a.ingest(polled("nhandan", null, null),
        List.of(entry("nhandan", "n1", "https://nhandan.vn/1", "Tin Nhân Dân", hoursAgo(1)))));
    assertThat(heardByB.poll(1, TimeUnit.SECONDS)).isEqualTo(Set.of("all"));

    await(b.ingest(polled("vov", null, null),
        List.of(entry("vov", "v1", "https://vov.vn/1", "Tin VOV", hoursAgo(1)))));
    assertThat(heardByA.poll(1, TimeUnit.SECONDS)).isEqualTo(Set.of("all", "vov-only"));

    // Notices arrive in commit order: had A heard its own earlier one, it would come first.
    assertThat(heardByA).isEmpty();
    assertThat(heardByB).isEmpty();
  }

  @Test
  void aPollThatChangesNothingIsNotAnnounced() throws Exception {
    var nhandan = List.of(entry("nhandan", "n1", "https://nhandan.vn/1", "Tin", hoursAgo(1)));
    await(a.ingest(polled("nhandan", null, null), nhandan));
    assertThat(heardByB.poll(1, TimeUnit.SECONDS)).isEqualTo(Set.of("all"));

    await(a.ingest(polled("nhandan", null, null), nhandan));
    await(a.ingest(polled("vov", null, null),
        List.of(entry("vov", "v1", "https://vov.vn/1", "Tin VOV", hoursAgo(1)))));

    assertThat(heardByB.poll(1, TimeUnit.SECONDS)).isEqualTo(Set.of("all", "vov-only"));
  }

  @Test
  void rebuiltMembershipsAreAnnouncedAsEveryCategory() throws Exception {
    assertThat(await(b.categorize("v2", story -> Set.of("all")))).isTrue();

    assertThat(heardByA.poll(1, TimeUnit.SECONDS)).isEqualTo(EVERYTHING);
  }

  @Test
  void pruningIsHeardByEveryInstanceIncludingThePruner() throws Exception {
    await(a.ingest(polled("vov", null, null),
        List.of(entry("vov", "old", "https://vov.vn/old", "Tin cũ", hoursAgo(24 * 200),
            hoursAgo(24 * 200)))));
    assertThat(heardByB.poll(1, TimeUnit.SECONDS)).isEqualTo(Set.of("all", "vov-only"));

    assertThat(await(b.prune(NOW.minus(Duration.ofDays(90))))).isEqualTo(1);

    assertThat(heardByA.poll(1, TimeUnit.SECONDS)).isEqualTo(Set.of("all", "vov-only"));
    assertThat(heardByB.poll(1, TimeUnit.SECONDS)).isEqualTo(Set.of("all", "vov-only"));
  }

  @Test
  void afterItsConnectionDropsAnInstanceListensAgainAndCountsEverythingChanged()
      throws Exception {
    int dropped = b.listeningProcessId();
    try (Connection connection = DATABASES.jdbc(url);
        Statement statement = connection.createStatement();
        ResultSet terminated = statement.executeQuery(
            "SELECT pg_terminate_backend(" + dropped + ")")) {
      assertThat(terminated.next()).isTrue();
      assertThat(terminated.getBoolean(1)).isTrue();
    }

    assertThat(heardByB.poll(10, TimeUnit.SECONDS)).isEqualTo(EVERYTHING);
    assertThat(b.listeningProcessId()).isNotIn(dropped, -1);

    await(a.ingest(polled("vov", null, null),
        List.of(entry("vov", "v1", "https://vov.vn/1", "Tin VOV", hoursAgo(1)))));
    assertThat(heardByB.poll(1, TimeUnit.SECONDS)).isEqualTo(Set.of("all", "vov-only"));
  }
}
