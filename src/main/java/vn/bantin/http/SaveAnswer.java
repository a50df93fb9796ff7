package vn.bantin.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.bantin.config.ConfigProblem;
import vn.bantin.config.ConfigVersion;
import vn.bantin.config.SaveResult;

/**
 * Answers an edit of feeds.yml: 200/201/204 saved, 200 unchanged, 412 stale (with the ETag in
 * force), 422 invalid ({@code {"errors":[{"path","line","message"}]}}), 500 not written, or the
 * refusal's own status. Event loop.
 */
final class SaveAnswer {
  private static final Logger LOG = Logger.getLogger(SaveAnswer.class.getName());

  private SaveAnswer() {}

  /**
   * @param savedStatus 200, 201 (with {@code location}) or 204 (no body)
   * @param location the created item's URL path, or {@code null}
   */
  static void send(RoutingContext ctx, EditOutcome outcome, int savedStatus, String location) {
    if (outcome instanceof EditOutcome.Refused r) {
      Problems.send(ctx, r.status(), r.code(), r.message());
      return;
    }
    SaveResult result = ((EditOutcome.Attempted) outcome).result();
    if (result instanceof SaveResult.Saved saved) {
      ctx.response().putHeader("ETag", saved.current().etag());
      if (location != null) {
        ctx.response().putHeader("Location", location);
      }
      if (savedStatus == 204) {
        ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
      } else {
        json(ctx, savedStatus, version(saved.current()).put("changed", true).encode());
      }
    } else if (result instanceof SaveResult.Unchanged same) {
      ctx.response().putHeader("ETag", same.current().etag());
      json(ctx, 200, version(same.current()).put("changed", false).encode());
    } else if (result instanceof SaveResult.Stale stale) {
      ctx.response().putHeader("ETag", stale.current().etag());
      Problems.send(ctx, 412, "stale", "feeds.yml is at version " + stale.current().version()
          + " (ETag " + stale.current().etag() + ") now, not the one in If-Match; "
          + "read it again and redo the edit");
    } else if (result instanceof SaveResult.Invalid invalid) {
      json(ctx, 422, new JsonObject().put("errors", problems(invalid.problems())).encode());
    } else if (result instanceof SaveResult.Failed failed) {
      Problems.send(ctx, 500, "save_failed", "feeds.yml could not be written and is unchanged: "
          + failed.message());
    }
  }

  /** The answer when the work itself broke (a bug): 500, logged. */
  static void broken(RoutingContext ctx, Throwable e) {
    LOG.log(Level.SEVERE, ctx.request().method() + " " + ctx.request().path() + " failed", e);
    Problems.send(ctx, 500, "internal", "internal error");
  }

  /** {@code {"version", "etag", "savedAt", "summary"}}. */
  static JsonObject version(ConfigVersion v) {
    return new JsonObject()
        .put("version", v.version())
        .put("etag", v.etag())
        .put("savedAt", v.savedAt().toString())
        .put("summary", v.summary());
  }

  /** {@code [{"path", "line", "message"}]}; line 0 means the problem has no position. */
  static JsonArray problems(List<ConfigProblem> problems) {
    JsonArray array = new JsonArray();
    for (ConfigProblem p : problems) {
      array.add(new JsonObject().put("path", p.path()).put("line", p.line())
          .put("message", p.message()));
    }
    return array;
  }

  static void json(RoutingContext ctx, int status, String body) {
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body);
  }
}
