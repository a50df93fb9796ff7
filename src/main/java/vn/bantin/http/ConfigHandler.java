package vn.bantin.http;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import vn.bantin.config.ConfigService;
import vn.bantin.config.ConfigVersion;

/**
 * {@code /admin/api/config} (the whole feeds.yml), its history and rollback, and
 * {@code /admin/api/status}. Every ConfigService call runs on the admin worker.
 */
final class ConfigHandler {
  private final ConfigEdits edits;
  private final WorkerExecutor adminPool;

  ConfigHandler(ConfigEdits edits, WorkerExecutor adminPool) {
    this.edits = edits;
    this.adminPool = adminPool;
  }

  /** {@code GET /admin/api/config}: the text in force with its ETag. */
  void get(RoutingContext ctx) {
    adminPool.executeBlocking(edits::snapshot, false).onComplete(done -> {
      if (done.failed()) {
        SaveAnswer.broken(ctx, done.cause());
        return;
      }
      String etag = done.result().version().etag();
      ctx.response().putHeader("ETag", etag).putHeader("Cache-Control", "no-store");
      if (Conditional.notModified(ctx.request().getHeader("If-None-Match"), null, etag, null)) {
        ctx.response().setStatusCode(304).end();
        return;
      }
      ctx.response().putHeader("Content-Type", "text/yaml; charset=utf-8")
          .end(done.result().text());
    });
  }

  /** {@code PUT /admin/api/config}: replaces the whole file; If-Match required. */
  void put(RoutingContext ctx) {
    IfMatch ifMatch = IfMatch.parse(ctx.request().getHeader("If-Match"));
    if (!ifMatch.present()) {
      preconditionRequired(ctx);
      return;
    }
    String yaml = utf8(ctx.body().buffer());
    if (yaml == null) {
      Problems.badBody(ctx, null, "the body is not UTF-8 text");
      return;
    }
    adminPool.executeBlocking(() -> edits.replace(yaml, ifMatch), false).onComplete(done -> {
      if (done.failed()) {
        SaveAnswer.broken(ctx, done.cause());
      } else {
        SaveAnswer.send(ctx, done.result(), 200, null);
      }
    });
  }

  /** {@code GET /admin/api/config/history}: saved versions, newest first. */
  void history(RoutingContext ctx) {
    adminPool.executeBlocking(() -> edits.service().history(), false).onComplete(done -> {
      if (done.failed()) {
        SaveAnswer.broken(ctx, done.cause());
        return;
      }
      JsonArray array = new JsonArray();
      for (ConfigVersion v : done.result()) {
        array.add(SaveAnswer.version(v));
      }
      SaveAnswer.json(ctx, 200, array.encode());
    });
  }

  /** {@code POST /admin/api/config/rollback/{version}}: If-Match required, as for a PUT. */
  void rollback(RoutingContext ctx) {
    IfMatch ifMatch = IfMatch.parse(ctx.request().getHeader("If-Match"));
    int version;
    try {
      version = Integer.parseInt(ctx.pathParam("version"));
    } catch (NumberFormatException e) {
      Problems.notFound(ctx, "no saved version " + ctx.pathParam("version"));
      return;
    }
    if (!ifMatch.present()) {
      preconditionRequired(ctx);
      return;
    }
    adminPool.executeBlocking(() -> edits.rollback(version, ifMatch), false).onComplete(done -> {
      if (done.failed()) {
        SaveAnswer.broken(ctx, done.cause());
      } else {
        SaveAnswer.send(ctx, done.result(), 200, null);
      }
    });
  }

  /**
   * {@code GET /admin/api/status}: the version in force and the problems of the file on disk
   * when a hand edit left it invalid (the version in force then stays).
   */
  void status(RoutingContext ctx) {
    ConfigService service = edits.service();
    adminPool.executeBlocking(() -> new JsonObject()
        .put("config", SaveAnswer.version(service.current()))
        .put("fileProblems", SaveAnswer.problems(service.fileProblems())), false)
        .onComplete(done -> {
          if (done.failed()) {
            SaveAnswer.broken(ctx, done.cause());
          } else {
            SaveAnswer.json(ctx, 200, done.result().encode());
          }
        });
  }

  /** RFC 6585 §3: a PUT must say which version it edits, so no edit silently undoes another. */
  private static void preconditionRequired(RoutingContext ctx) {
    Problems.send(ctx, 428, "precondition_required", "send If-Match with the ETag of "
        + "GET /admin/api/config, so that an edit never overwrites another admin's");
  }

  /** The body decoded strictly as UTF-8, or {@code null} when it is not UTF-8. */
  private static String utf8(Buffer body) {
    if (body == null) {
      return "";
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .decode(ByteBuffer.wrap(body.getBytes())).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
