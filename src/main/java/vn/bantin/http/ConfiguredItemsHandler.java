package vn.bantin.http;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
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
 * replaces the item). Keys at their default (enabled, empty lists and description, limit 50, the
 * default interval) are left out, as a hand-written feeds.yml leaves them out, so sending an item
 * back unchanged leaves the file unchanged. Each answer carries the ETag of the feeds.yml version it was read from;
 * sent back as If-Match, a PUT cannot overwrite an edit made in between.
 */
final class ConfiguredItemsHandler {
  /** feeds.yml's {@code limit} when a category names none (CONTRACT.md). */
  private static final int DEFAULT_LIMIT = 50;

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
        .put("url", s.url());
    list(json, "tags", s.tags());
    // The record holds the file's default when the source names none; leaving it out keeps the
    // source following the default after a PUT.
    if (!s.interval().equals(config.defaultInterval())) {
      json.put("interval", Durations.format(s.interval()));
    }
    if (!s.enabled()) {
      json.put("enabled", false);
    }
    return json;
  }

  private static JsonObject describe(CategoryConfig c) {
    JsonObject json = new JsonObject().put("id", c.id()).put("title", c.title());
    if (!c.description().isEmpty()) {
      json.put("description", c.description());
    }
    list(json, "sources", c.sources());
    list(json, "tags", c.tags());
    list(json, "include", c.include());
    list(json, "exclude", c.exclude());
    if (c.maxAge() != null) {
      json.put("max_age", Durations.format(c.maxAge()));
    }
    if (c.limit() != DEFAULT_LIMIT) {
      json.put("limit", c.limit());
    }
    return json;
  }

  private static void list(JsonObject json, String key, List<String> values) {
    if (!values.isEmpty()) {
      json.put(key, new JsonArray(values));
    }
  }
}
