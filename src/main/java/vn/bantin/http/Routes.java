package vn.bantin.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import vn.bantin.config.Settings;
import vn.bantin.publish.FeedService;
import vn.bantin.refresh.Scheduler;
import vn.bantin.store.Store;

/** Every route bantin serves, in one table. */
public final class Routes {
  private static final Logger LOG = Logger.getLogger(Routes.class.getName());

  private Routes() {}

  /**
   * Builds the router.
   *
   * @param serving whether /health answers UP (false while starting or stopping)
   */
  public static Router create(Vertx vertx, Settings settings, FeedService feeds,
      Scheduler scheduler, Store store, WorkerExecutor renderPool,
      PrometheusMeterRegistry registry, BooleanSupplier serving) {
    Router router = Router.router(vertx);
    String publicUrl = settings.http().publicUrl();
    FeedHandler feed = new FeedHandler(feeds, new RenderingWriter(settings.serve()), publicUrl);
    CategoriesHandler categories = new CategoriesHandler(feeds, renderPool, publicUrl);

    router.route(HttpMethod.GET, "/feeds/:file").handler(feed);
    router.route(HttpMethod.HEAD, "/feeds/:file").handler(feed);
    router.get("/feeds.opml").handler(categories::opml);
    router.get("/api/categories").handler(categories::list);
    router.get("/health").handler(ctx -> {
      boolean up = serving.getAsBoolean();
      ctx.response().setStatusCode(up ? 200 : 503)
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .putHeader("Cache-Control", "no-store")
          .end(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    });
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));

    String token = settings.admin().token();
    if (token.isEmpty()) {
      LOG.warning("no admin token configured (admin.token, BANTIN_ADMIN_TOKEN): "
          + "the admin API is off");
    } else {
      AdminHandler admin = new AdminHandler(scheduler, store);
      router.route("/admin/api/*").handler(new AdminAuth(token));
      router.get("/admin/api/sources").handler(admin::sources);
      router.post("/admin/api/refresh").handler(admin::refreshAll);
      router.post("/admin/api/sources/:id/refresh").handler(admin::refreshOne);
      // The page for people; like the API it does not exist without a token.
      AdminPageHandler page = new AdminPageHandler();
      for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD}) {
        router.route(method, "/admin").handler(page);
        router.route(method, "/admin/:file").handler(page);
      }
    }

    router.errorHandler(404, ctx -> Problems.notFound(ctx, "no such resource"));
    router.errorHandler(405, ctx -> Problems.send(ctx, 405, "method_not_allowed",
        "method not allowed here"));
    router.errorHandler(500, ctx -> Problems.send(ctx, 500, "internal", "internal error"));
    return router;
  }
}
