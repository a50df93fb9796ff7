package vn.bantin.publish;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.bantin.config.Settings;
import vn.bantin.curate.Categories;
import vn.bantin.curate.Category;
import vn.bantin.metrics.Metrics;
import vn.bantin.store.Store;

/**
 * Category feeds as prepared bytes. A rendering is built once per content version of its category
 * on the render pool (concurrent requests share the same future) and afterwards served from the
 * cache until a poll changes one of the category's sources.
 *
 * <p>While a new version is being built, the requests that arrive after the one that started the
 * build get the previous version at once instead of queueing behind it: during a poll cycle a
 * busy category is re-rendered many times, and a reader asking during those milliseconds gets
 * what was current just before. The request that starts a build waits for it, so a request made
 * after a poll has finished sees that poll's stories.
 */
public final class FeedService {
  private static final int MAX_LIMIT = 500;

  private final Store store;
  private final WorkerExecutor renderPool;
  private final InstantSource clock;
  private final Metrics metrics;
  private final AsyncCache<Key, Selection> selections;
  private final AsyncCache<Key, Rendering> renderings;
  private final Cache<Key, Built> previous;
  private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
  private volatile Categories categories;
  private volatile Map<Format, Renderer> renderers;

  public FeedService(Store store, WorkerExecutor renderPool, Settings.Serve serve,
      InstantSource clock, Metrics metrics) {
    this.store = store;
    this.renderPool = renderPool;
    this.clock = clock;
    this.metrics = metrics;
    this.selections = Caffeine.newBuilder().maximumSize(serve.cacheMaxRenderings()).buildAsync();
    this.renderings = Caffeine.newBuilder().maximumSize(serve.cacheMaxRenderings()).buildAsync();
    this.previous = Caffeine.newBuilder().maximumSize(serve.cacheMaxRenderings()).build();
  }

  /**
   * Serves {@code next} from now on. Categories that are new, whose rules or texts changed, or
   * that take one of {@code changedSources} (whose title or URL appears in their renderings)
   * render anew; the others keep their cached renderings.
   *
   * @param sourceFeedUrl a source id's feed URL, for RSS and Atom {@code <source>}
   */
  public void configure(Categories next, Function<String, String> sourceFeedUrl,
      Set<String> changedSources) {
    Map<Format, Renderer> byFormat = new EnumMap<>(Format.class);
    byFormat.put(Format.RSS, new RssRenderer(sourceFeedUrl));
    byFormat.put(Format.ATOM, new AtomRenderer(sourceFeedUrl));
    byFormat.put(Format.JSON, new JsonFeedRenderer());
    byFormat.put(Format.HTML, new HtmlRenderer());
    Categories previous = this.categories;
    Set<String> stale = new HashSet<>();
    for (Category c : next.list()) {
      boolean same = previous != null && previous.find(c.id()).filter(c::equals).isPresent();
      if (!same || c.sourceIds().stream().anyMatch(changedSources::contains)) {
        stale.add(c.id());
      }
    }
    this.renderers = byFormat;
    this.categories = next;
    categoriesChanged(stale);
  }

  public Categories categories() {
    return categories;
  }

  /** Marks every category as changed (after a prune, or when changes may have been missed). */
  public void allChanged() {
    categoriesChanged(categories.list().stream().map(Category::id).collect(Collectors.toSet()));
  }

  /** Marks {@code categoryIds} as changed: their next request renders anew. */
  public void categoriesChanged(Set<String> categoryIds) {
    for (String id : categoryIds) {
      versions.computeIfAbsent(id, key -> new AtomicLong()).incrementAndGet();
    }
  }

  /** The newest {@code limit} stories of {@code category}; callbacks run on {@code context}. */
  public Future<Selection> selection(Category category, int limit, Context context) {
    Key key = key(category, null, Math.min(limit, MAX_LIMIT), "");
    return Future.fromCompletionStage(selections.get(key, (k, executor) ->
        select(category, k.limit()).toCompletionStage().toCompletableFuture()), context);
  }

  /**
   * The rendering of {@code category} in {@code format}; built at most once per content change.
   *
   * @param baseUrl the public base URL self links start with
   */
  public Future<Rendering> rendering(Category category, Format format, int limit, String baseUrl,
      Context context) {
    Key key = key(category, format, limit, baseUrl);
    Rendering stale = staleWhileBuilding(key);
    if (stale != null) {
      return Future.succeededFuture(stale);
    }
    return Future.fromCompletionStage(renderings.get(key, (k, executor) ->
        selection(category, limit, context)
            .compose(selection -> renderPool.executeBlocking(
                () -> render(category, format, baseUrl, selection), false))
            .onSuccess(built -> previous.asMap().merge(k.unversioned(),
                new Built(k.version(), built), Built::newer))
            .toCompletionStage().toCompletableFuture()), context)
        .recover(e -> {
          // Caffeine drops a failed future itself, but only in a callback that may run after
          // this one: drop it now, so the next request is sure to try again.
          dropFailed(renderings, key);
          dropFailed(selections, key(category, null, Math.min(limit, MAX_LIMIT), ""));
          return lastBuilt(key, e);
        });
  }

  private static <V> void dropFailed(AsyncCache<Key, V> cache, Key key) {
    cache.asMap().computeIfPresent(key, (k, f) -> f.isCompletedExceptionally() ? null : f);
  }

  /**
   * The newest rendering built of {@code key} at any version, when its own build failed (the
   * store unreachable): stale content beats none (RFC 5861 {@code stale-if-error}). The failed
   * build is not cached, so the next request tries again.
   */
  private Future<Rendering> lastBuilt(Key key, Throwable failure) {
    Built before = previous.getIfPresent(key.unversioned());
    return before == null ? Future.failedFuture(failure)
        : Future.succeededFuture(before.rendering());
  }

  /**
   * The rendering {@link #rendering} would give when it is built already and current, else
   * {@code null}: a cache hit answered on the calling thread without a future.
   */
  public Rendering renderingIfReady(Category category, Format format, int limit,
      String baseUrl) {
    Key key = key(category, format, limit, baseUrl);
    CompletableFuture<Rendering> built = renderings.getIfPresent(key);
    if (built == null || built.isCompletedExceptionally()) {
      return null;
    }
    return built.isDone() ? built.getNow(null) : staleWhileBuilding(key);
  }

  /** The newest earlier rendering of {@code key} when {@code key}'s own is being built, or null. */
  private Rendering staleWhileBuilding(Key key) {
    CompletableFuture<Rendering> building = renderings.getIfPresent(key);
    if (building == null || building.isDone()) {
      return null;
    }
    Built before = previous.getIfPresent(key.unversioned());
    return before == null ? null : before.rendering();
  }

  private Future<Selection> select(Category category, int limit) {
    return store.stories(category.id(), limit, category.since(clock.instant()))
        .map(Selection::of);
  }

  private Rendering render(Category category, Format format, String baseUrl,
      Selection selection) {
    // From content only, never the render time, so that every instance sharing a store renders
    // the same stories to the same bytes and ETag; an empty category has no date of its own.
    var updated = selection.updated() != null ? selection.updated() : Instant.EPOCH;
    FeedMeta meta = new FeedMeta(category.id(), category.title(), category.description(),
        baseUrl, updated);
    byte[] body = renderers.get(format).render(meta, selection.stories());
    metrics.rendered(format.extension());
    return Rendering.of(body, format.contentType(), updated);
  }

  private Key key(Category category, Format format, int limit, String baseUrl) {
    long version = versions.computeIfAbsent(category.id(), id -> new AtomicLong()).get();
    return new Key(category.id(), format, limit, baseUrl, version);
  }

  /** One cached rendering (or selection, with no format): its category's content version. */
  private record Key(String category, Format format, int limit, String baseUrl, long version) {
    /** The same rendering at any version: where the newest built one is remembered. */
    Key unversioned() {
      return new Key(category, format, limit, baseUrl, -1);
    }
  }

  /** A finished rendering and the content version it shows. */
  private record Built(long version, Rendering rendering) {
    /** Of two builds finishing in either order, the one of the later version. */
    static Built newer(Built a, Built b) {
      return a.version >= b.version ? a : b;
    }
  }
}
