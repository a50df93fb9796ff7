package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.store.StoreFixture.await;
import static vn.bantin.store.StoreFixture.entry;
import static vn.bantin.store.StoreFixture.hoursAgo;
import static vn.bantin.store.StoreFixture.polled;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.dedup.CanonicalLink;
import vn.bantin.dedup.StoryIdentity.Keys;
import vn.bantin.dedup.StoryIds;
import vn.bantin.model.Entry;
import vn.bantin.model.Story;

/**
 * The keys of a poll computed ahead of the writer, fingerprints and categories only for unstored
 * entries.
 */
class KeysAheadTest {

  private static final Entry STORED = entry("vov", "a", "https://vov.vn/a?utm_source=x",
      "Hội nghị Ban Chấp hành Đảng bộ tỉnh Lai Châu lần thứ 12", hoursAgo(3));
  private static final Entry FRESH = entry("vov", "b", "https://vov.vn/b",
      "Lai Châu khởi công cầu mới qua sông Đà nối hai huyện vùng cao", hoursAgo(1));

  /** Category rules that say which story they saw. */
  private static final Function<Story, Set<String>> RULES =
      story -> Set.of("tin", story.id(), story.title().contains("cầu") ? "cau" : "khac");

  @TempDir Path tmp;
  private Vertx vertx;
  private WorkerExecutor thread;
  private Connection reader;
  private KeysAhead ahead;

  @BeforeEach
  void open() throws Exception {
    vertx = StoreFixture.vertx();
    SqliteStore store = StoreFixture.open(vertx, tmp);
    await(store.ingest(polled("vov", null, null), List.of(STORED)));
    await(store.close());
    thread = vertx.createSharedWorkerExecutor("test-keys", 1);
    reader = Connections.reader(tmp.resolve(SqliteStore.DATABASE_FILE));
    ahead = new KeysAhead(thread, reader);
  }

  @AfterEach
  void close() throws Exception {
    reader.close();
    await(thread.close());
    await(vertx.close());
  }

  @Test
  void theKeysThreadFingerprintsOnlyTheEntriesNotStoredYet() throws Exception {
    KeysAhead.Batch batch = ahead.start(List.of(STORED, FRESH), RULES);
    awaitKeysThread();

    List<Keys> keys = batch.keys();
    assertThat(batch.fingerprintedAhead()).isEqualTo(1);
    assertThat(keys).extracting(Keys::canonicalLink).containsExactly(
        CanonicalLink.of(STORED.link()), CanonicalLink.of(FRESH.link()));
    assertThat(keys.get(1).fingerprint().isEmpty()).isFalse();
    // Filed as the new story the writer would start: its minted id, its title.
    assertThat(batch.filedAhead(0, RULES)).isNull();
    assertThat(batch.filedAhead(1, RULES)).containsExactly(
        "cau", StoryIds.mint("vov", "b"), "tin");
    assertThat(batch.filedAhead(1, story -> Set.of("other rules"))).isNull();
  }

  @Test
  void theWriterComputesTheKeysWhenTheKeysThreadHasNotStartedThem() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Future<Boolean> busy = thread.executeBlocking(() -> release.await(20, TimeUnit.SECONDS),
        false);
    KeysAhead.Batch batch = ahead.start(List.of(STORED, FRESH), RULES);

    List<Keys> keys = batch.keys();
    release.countDown();
    assertThat(await(busy)).isTrue();
    awaitKeysThread();
    assertThat(keys).extracting(Keys::canonicalLink).containsExactly(
        CanonicalLink.of(STORED.link()), CanonicalLink.of(FRESH.link()));
    assertThat(batch.fingerprintedAhead()).isZero();
    assertThat(batch.filedAhead(1, RULES)).isNull();
  }

  @Test
  void aFailedLookupLeavesTheKeysToTheWriter() throws Exception {
    reader.close();
    KeysAhead.Batch batch = ahead.start(List.of(STORED, FRESH), RULES);
    awaitKeysThread();

    assertThat(batch.keys()).extracting(Keys::titleKey).hasSize(2).doesNotContainNull();
    assertThat(batch.fingerprintedAhead()).isZero();
    assertThat(batch.filedAhead(1, RULES)).isNull();
  }

  /** The keys thread is one FIFO thread: a task after the batch runs once it is prepared. */
  private void awaitKeysThread() throws Exception {
    await(thread.executeBlocking(() -> null, false));
  }
}
