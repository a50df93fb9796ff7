package vn.bantin.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The one JSON shape of every error answer: {@code {"error": code, "message": text}}. */
final class Problems {
  private Problems() {}

  static void send(RoutingContext ctx, int status, String code, String message) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("error", code).put("message", message).encode());
  }

  static void notFound(RoutingContext ctx, String message) {
    send(ctx, 404, "not_found", message);
  }
}
