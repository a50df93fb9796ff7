package vn.bantin;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import vn.bantin.config.ConfigChange;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.SourceConfig;
import vn.bantin.curate.Categories;
import vn.bantin.publish.FeedService;
import vn.bantin.refresh.Scheduler;
import vn.bantin.store.Store;

/**
 * Applies a configuration that came into force, touching only what changed: the store learns the
 * sources (a source whose URL changed starts afresh) and refiles stories when the category rules
 * changed; the scheduler stops removed sources, starts new ones and leaves the others on their
 * schedule; categories whose rules or sources changed re-render, the others keep their cache.
 */
final class ConfigApplier implements Consumer<ConfigChange> {
  private static final Logger LOG = Logger.getLogger(ConfigApplier.class.getName());

  private final Store store;
  private final Scheduler scheduler;
  private final FeedService feeds;

  ConfigApplier(Store store, Scheduler scheduler, FeedService feeds) {
    this.store = store;
    this.scheduler = scheduler;
    this.feeds = feeds;
  }

  @Override
  public void accept(ConfigChange change) {
    FeedsConfig after = change.after();
    Set<String> moved = new HashSet<>();
    Set<String> changed = new HashSet<>();
    Map<String, SourceConfig> before = change.before().sources().stream()
        .collect(Collectors.toMap(SourceConfig::id, s -> s));
    for (SourceConfig s : after.sources()) {
      SourceConfig old = before.get(s.id());
      if (old != null && !old.url().equals(s.url())) {
        moved.add(s.id());
      }
      if (old == null || !old.equals(s)) {
        changed.add(s.id());
      }
    }
    Categories categories = new Categories(after);
    store.syncSources(after.sources())
        .onSuccess(v -> scheduler.apply(after, moved))
        .compose(v -> store.categorize(categories.version(), categories::of))
        .onSuccess(rebuilt -> feeds.configure(categories, feedUrls(after), changed))
        .onFailure(e -> LOG.log(Level.SEVERE, "could not apply the new configuration", e));
  }

  /** Each source id's feed URL, for RSS and Atom {@code <source>}. */
  static Function<String, String> feedUrls(FeedsConfig config) {
    Map<String, String> urls = config.sources().stream()
        .collect(Collectors.toMap(SourceConfig::id, SourceConfig::url));
    return urls::get;
  }
}
