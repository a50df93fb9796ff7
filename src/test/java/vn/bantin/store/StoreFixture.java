package vn.bantin.store;

import static java.util.concurrent.TimeUnit.SECONDS;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.bantin.config.SourceConfig;
import vn.bantin.model.Entry;
import vn.bantin.model.SourceState;

/**
 * Fixed time, entry and state builders, and a blocking wait for store futures, for the tests of
 * every store.
 */
public final class StoreFixture {

  public static final Instant NOW = Instant.parse("2025-03-10T08:00:00Z");
  public static final InstantSource CLOCK = InstantSource.fixed(NOW);

  private StoreFixture() {}

  /** A Vert.x whose checker reports any event-loop task longer than 100 ms. */
  public static Vertx vertx() {
    return Vertx.vertx(new VertxOptions()
        .setMaxEventLoopExecuteTime(100).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
  }

  public static SqliteStore open(Vertx vertx, Path dir) throws Exception {
    return await(SqliteStore.open(vertx, dir, 2, CLOCK));
  }

  public static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, SECONDS);
  }

  public static Instant hoursAgo(long hours) {
    return NOW.minus(Duration.ofHours(hours));
  }

  /** An entry fetched one minute after it was published. */
  public static Entry entry(String source, String key, String link, String title,
      Instant published) {
    return entry(source, key, link, title, published, published.plusSeconds(60));
  }

  public static Entry entry(String source, String key, String link, String title,
      Instant published, Instant fetchedAt) {
    return new Entry(source, key, link, title, "<p>" + title + "</p>", "", "Phóng viên",
        published, fetchedAt);
  }

  public static SourceState polled(String source, String etag, String lastModified) {
    return new SourceState(source, null, etag, lastModified, NOW.plusSeconds(600), 0, NOW, 200,
        null, null, false);
  }

  public static SourceConfig config(String id, String title, String url) {
    return new SourceConfig(id, title, url, List.of(), Duration.ofMinutes(15), true);
  }
}
