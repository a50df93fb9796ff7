package vn.bantin.http;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import vn.bantin.curate.Category;
import vn.bantin.publish.FeedService;
import vn.bantin.publish.OpmlCategory;
import vn.bantin.publish.OpmlRenderer;
import vn.bantin.publish.Selection;

/** {@code GET /api/categories} and {@code GET /feeds.opml}: the list of category feeds. */
final class CategoriesHandler {
  private final FeedService feeds;
  private final WorkerExecutor renderPool;
  private final String publicUrl;

  CategoriesHandler(FeedService feeds, WorkerExecutor renderPool, String publicUrl) {
    this.feeds = feeds;
    this.renderPool = renderPool;
    this.publicUrl = publicUrl;
  }

  void list(RoutingContext ctx) {
    String base = Requests.baseUrl(publicUrl, ctx.request());
    List<Category> categories = feeds.categories().list();
    List<Future<Selection>> selections = categories.stream()
        .map(c -> feeds.selection(c, c.limit(), ctx.vertx().getOrCreateContext())).toList();
    Future.all(selections).onComplete(done -> {
      if (done.failed()) {
        Problems.send(ctx, 503, "unavailable", "the categories cannot be read right now");
        return;
      }
      JsonArray array = new JsonArray();
      for (int i = 0; i < categories.size(); i++) {
        array.add(describe(categories.get(i), selections.get(i).result(), base));
      }
      ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
          .putHeader("Access-Control-Allow-Origin", "*")
          .end(array.encode());
    });
  }

  void opml(RoutingContext ctx) {
    String base = Requests.baseUrl(publicUrl, ctx.request());
    List<OpmlCategory> outlines = feeds.categories().list().stream()
        .map(c -> new OpmlCategory(c.id(), c.title(), c.description())).toList();
    renderPool.executeBlocking(() -> new OpmlRenderer().render("bantin", base, outlines), false)
        .onSuccess(bytes -> ctx.response()
            .putHeader("Content-Type", "text/x-opml; charset=utf-8")
            .end(io.vertx.core.buffer.Buffer.buffer(bytes)))
        .onFailure(e -> Problems.send(ctx, 500, "internal", "OPML could not be written"));
  }

  private static JsonObject describe(Category c, Selection selection, String base) {
    String feed = base + "/feeds/" + c.id();
    return new JsonObject()
        .put("id", c.id())
        .put("title", c.title())
        .put("description", c.description())
        .put("feeds", new JsonObject()
            .put("rss", feed + ".rss").put("atom", feed + ".atom")
            .put("json", feed + ".json").put("html", feed + ".html"))
        .put("entries", selection.stories().size())
        .put("updated", selection.updated() == null ? null : selection.updated().toString());
  }
}
