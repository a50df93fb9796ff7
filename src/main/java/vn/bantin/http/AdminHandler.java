package vn.bantin.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.SourceConfig;
import vn.bantin.model.SourceState;
import vn.bantin.refresh.RefreshSummary;
import vn.bantin.refresh.Scheduler;
import vn.bantin.store.Store;

/** The admin API's source status and refresh endpoints. */
final class AdminHandler {
  private final Scheduler scheduler;
  private final Store store;
  private final Supplier<Future<FeedsConfig>> configured;

  /** {@code configured} gives the configuration in force (its sources are listed). */
  AdminHandler(Scheduler scheduler, Store store, Supplier<Future<FeedsConfig>> configured) {
    this.scheduler = scheduler;
    this.store = store;
    this.configured = configured;
  }

  /**
   * {@code GET /admin/api/sources}: each source's latest state, whichever instance sharing the
   * store polled it last (the store's), unless this instance knows a later attempt that the
   * store could not keep. While the store cannot be read, what this instance knows, with
   * {@code entries} null.
   */
  void sources(RoutingContext ctx) {
    Future<FeedsConfig> config = configured.get();
    Future<Map<String, SourceState>> stored = store.sourceStates();
    Future<Map<String, Long>> counts = store.entryCounts();
    Future.join(config, stored, counts).onComplete(done -> {
      if (config.failed()) {
        Problems.send(ctx, 503, "unavailable", "the configuration cannot be read right now");
        return;
      }
      Map<String, SourceState> states = stored.succeeded() ? stored.result() : Map.of();
      JsonArray array = new JsonArray();
      for (SourceConfig source : config.result().sources()) {
        SourceState state = latest(states.get(source.id()), scheduler.state(source.id()));
        array.add(new JsonObject()
            .put("id", source.id())
            .put("title", source.title())
            .put("url", state.url() != null ? state.url() : source.url())
            .put("enabled", source.enabled() && !state.gone())
            .put("lastFetch", text(state.lastFetch()))
            .put("lastStatus", state.lastStatus())
            .put("lastError", state.lastError())
            .put("errorCode", state.errorCode())
            .put("nextPoll", text(state.nextPoll()))
            .put("entries", counts.succeeded()
                ? counts.result().getOrDefault(source.id(), 0L) : null)
            .put("failures", state.failures()));
      }
      json(ctx, 200, array.encode());
    });
  }

  /**
   * The stored state, or this instance's when it tells of a later poll attempt (one whose state
   * the store could not keep); stored times have millisecond precision.
   */
  private static SourceState latest(SourceState stored, SourceState local) {
    if (stored == null) {
      return local;
    }
    Instant mine = local.lastFetch();
    Instant theirs = stored.lastFetch();
    boolean later = mine != null && (theirs == null
        || mine.truncatedTo(ChronoUnit.MILLIS).isAfter(theirs.truncatedTo(ChronoUnit.MILLIS)));
    return later ? local : stored;
  }

  /** {@code POST /admin/api/refresh}. */
  void refreshAll(RoutingContext ctx) {
    scheduler.refreshAll().onComplete(done -> summary(ctx, done.result()));
  }

  /** {@code POST /admin/api/sources/{id}/refresh}. */
  void refreshOne(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    scheduler.refresh(id).ifPresentOrElse(
        poll -> poll.onComplete(done -> summary(ctx, done.result())),
        () -> Problems.notFound(ctx, "no source " + id));
  }

  private static void summary(RoutingContext ctx, RefreshSummary s) {
    if (s == null) {
      Problems.send(ctx, 500, "internal", "the refresh did not complete");
      return;
    }
    json(ctx, 200, new JsonObject()
        .put("sources", s.sources())
        .put("fetched", s.fetched())
        .put("notModified", s.notModified())
        .put("new", s.newStories())
        .put("duplicates", s.duplicates())
        .put("errors", s.errors())
        .encode());
  }

  private static void json(RoutingContext ctx, int status, String body) {
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
