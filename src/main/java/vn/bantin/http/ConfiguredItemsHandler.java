package vn.bantin.http;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Function;
import vn.bantin.config.CategoryConfig;
import vn.bantin.config.Durations;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.SourceConfig;

/**
 * {@code GET /admin/api/sources/{id}}, {@code GET /admin/api/categories} and
 * {@code GET /admin/api/categories/{id}}: items as feeds.yml configures them, in the very shape
 * POST and PUT take, so that an editor can change one field and send the whole item back (PUT
 * replaces the item). Each answer carries the ETag of the feeds.yml version it was read from;
 * sent back as If-Match, a PUT cannot overwrite an edit made in between.
 */
final class ConfiguredItemsHandler {
  private final ConfigEdits edits;
  private final WorkerExecutor adminPool;

  ConfiguredItemsHandler(ConfigEdits edits, WorkerExecutor adminPool) {
    this.edits = edits;
    this.adminPool = adminPool;
  }

  /** {@code GET /admin/api/sources/{id}}: {@code {id, title, url, tags, interval?, enabled}}. */
  void source(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    answer(ctx, config -> config.source(id).map(s -> describe(s, config).encode()),
        "no source " + id);
  }

  /** {@code GET /admin/api/categories}: every configured category (not {@code all}). */
  void categories(RoutingContext ctx) {
    answer(ctx, config -> {
      JsonArray array = new JsonArray();
      config.categories().forEach(c -> array.add(describe(c)));
      return Optional.of(array.encode());
    }, null);
  }

  /** {@code GET /admin/api/categories/{id}}. */
  void category(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    answer(ctx, config -> config.category(id).map(c -> describe(c).encode()),
        "no category " + id);
  }

  private void answer(RoutingContext ctx, Function<FeedsConfig, Optional<String>> read,
      String missing) {
    adminPool.executeBlocking(edits::snapshot, false).onComplete(done -> {
      if (done.failed()) {
        SaveAnswer.broken(ctx, done.cause());
        return;
      }
      Optional<String> json = read.apply(done.result().config());
      if (json.isEmpty()) {
        Problems.notFound(ctx, missing);
        return;
      }
      ctx.response().putHeader("ETag", done.result().version().etag());
      SaveAnswer.json(ctx, 200, json.get());
    });
  }

  private static JsonObject describe(SourceConfig s, FeedsConfig config) {
    JsonObject json = new JsonObject().put("id", s.id()).put("title", s.title())
        .put("url", s.url()).put("tags", new JsonArray(s.tags()));
    // The record holds the file's default when the source names none; leaving it out keeps the
    // source following the default after a PUT.
    if (!s.interval().equals(config.defaultInterval())) {
      json.put("interval", Durations.format(s.interval()));
    }
    return json.put("enabled", s.enabled());
  }

  private static JsonObject describe(CategoryConfig c) {
    JsonObject json = new JsonObject().put("id", c.id()).put("title", c.title())
        .put("description", c.description()).put("sources", new JsonArray(c.sources()))
        .put("tags", new JsonArray(c.tags())).put("include", new JsonArray(c.include()))
        .put("exclude", new JsonArray(c.exclude()));
    if (c.maxAge() != null) {
      json.put("max_age", Durations.format(c.maxAge()));
    }
    return json.put("limit", c.limit());
  }
}
