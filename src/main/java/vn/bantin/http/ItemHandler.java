package vn.bantin.http;

import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.config.FeedsYamlEditor.Section;

/**
 * {@code POST /admin/api/{sources|categories}} and {@code PUT}, {@code DELETE} of
 * {@code /admin/api/{sources|categories}/{id}}: one item of feeds.yml edited in place, the rest of
 * the file kept byte for byte. If-Match is optional here; when sent it must match.
 */
final class ItemHandler {
  private final Section section;
  private final String collection;
  private final ConfigEdits edits;
  private final WorkerExecutor adminPool;

  /** {@code collection} is the URL path of the list, e.g. {@code /admin/api/sources}. */
  ItemHandler(Section section, String collection, ConfigEdits edits, WorkerExecutor adminPool) {
    this.section = section;
    this.collection = collection;
    this.edits = edits;
    this.adminPool = adminPool;
  }

  /** {@code POST}: adds an item; 409 when its id exists. */
  void create(RoutingContext ctx) {
    upsert(ctx, null);
  }

  /** {@code PUT .../{id}}: replaces the item where it stands; 404 when absent. */
  void replace(RoutingContext ctx) {
    upsert(ctx, ctx.pathParam("id"));
  }

  /** {@code DELETE .../{id}}: removes the item; 404 when absent. */
  void delete(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    IfMatch ifMatch = IfMatch.parse(ctx.request().getHeader("If-Match"));
    adminPool.executeBlocking(() -> edits.remove(section, id, ifMatch), false)
        .onComplete(done -> {
          if (done.failed()) {
            SaveAnswer.broken(ctx, done.cause());
          } else {
            SaveAnswer.send(ctx, done.result(), 204, null);
          }
        });
  }

  private void upsert(RoutingContext ctx, String pathId) {
    ItemBody.Read read = ItemBody.read(ctx.body().buffer(), section, pathId);
    if (read instanceof ItemBody.Bad bad) {
      Problems.badBody(ctx, bad.field(), bad.message());
      return;
    }
    var fields = ((ItemBody.Fields) read).fields();
    boolean create = pathId == null;
    IfMatch ifMatch = IfMatch.parse(ctx.request().getHeader("If-Match"));
    adminPool.executeBlocking(() -> edits.upsert(section, fields, create, ifMatch), false)
        .onComplete(done -> {
          if (done.failed()) {
            SaveAnswer.broken(ctx, done.cause());
          } else if (create) {
            SaveAnswer.send(ctx, done.result(), 201, collection + "/" + fields.get("id"));
          } else {
            SaveAnswer.send(ctx, done.result(), 200, null);
          }
        });
  }
}
