package vn.bantin.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The one JSON shape of every error answer: {@code {"error": code, "message": text}}, with
 * {@code "field"} when one field of a JSON request body is at fault. (An invalid feeds.yml is
 * answered {@code {"errors": [...]}} instead, see {@link SaveAnswer}.)
 */
final class Problems {
  private Problems() {}

  static void send(RoutingContext ctx, int status, String code, String message) {
    send(ctx, status, new JsonObject().put("error", code).put("message", message));
  }

  static void notFound(RoutingContext ctx, String message) {
    send(ctx, 404, "not_found", message);
  }

  /** 400 naming the request body's {@code field} ({@code null}: the body as a whole). */
  static void badBody(RoutingContext ctx, String field, String message) {
    JsonObject body = new JsonObject().put("error", field == null ? "bad_body" : "bad_field");
    if (field != null) {
      body.put("field", field);
    }
    send(ctx, 400, body.put("message", message));
  }

  static void send(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
