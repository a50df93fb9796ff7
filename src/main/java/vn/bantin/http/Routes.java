package vn.bantin.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.time.InstantSource;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import vn.bantin.config.ConfigService;
import vn.bantin.config.FeedsYamlEditor.Section;
import vn.bantin.config.Settings;
import vn.bantin.publish.FeedService;
import vn.bantin.refresh.Scheduler;
import vn.bantin.store.Store;

/** Every route bantin serves, in one table. */
public final class Routes {
  private static final Logger LOG = Logger.getLogger(Routes.class.getName());
  /** The largest admin request body: feeds.yml itself may be at most 1 MiB. */
  static final long MAX_ADMIN_BODY = 1 << 20;

  private Routes() {}

  /**
   * Builds the router.
   *
   * @param config feeds.yml in force and the way to change it (the admin API)
   * @param serving whether /health answers UP (false while starting or stopping)
   */
  public static Router create(Vertx vertx, Settings settings, FeedService feeds,
      Scheduler scheduler, Store store, WorkerExecutor renderPool,
      PrometheusMeterRegistry registry, ConfigService config, BooleanSupplier serving) {
    Router router = Router.router(vertx);
    String publicUrl = settings.http().publicUrl();
    FeedHandler feed = new FeedHandler(feeds, new RenderingWriter(settings.serve()), publicUrl);
    CategoriesHandler categories = new CategoriesHandler(feeds, renderPool, publicUrl);

    // Plain feed names first, without the path parameter's per-request work; the rest (other
    // methods, encoded names, extra segments) goes on to the two routes below, as before.
    router.route(FeedHandler.PREFIX + "*").handler(feed::handlePlain);
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
      admin(router, vertx, token, scheduler, store, config);
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
    router.errorHandler(400, ctx -> Problems.send(ctx, 400, "bad_request", "bad request"));
    router.errorHandler(413, ctx -> Problems.send(ctx, 413, "body_too_large",
        "the request body is larger than " + MAX_ADMIN_BODY + " bytes"));
    router.errorHandler(500, ctx -> Problems.send(ctx, 500, "internal", "internal error"));
    return router;
  }

  /** The admin API: the token first (cheap, synchronous), then the body (at most 1 MiB). */
  private static void admin(Router router, Vertx vertx, String token, Scheduler scheduler,
      Store store, ConfigService config) {
    AdminAuth auth = new AdminAuth(token, new FailureThrottle(InstantSource.system()));
    router.route("/admin/api/*").handler(auth);
    router.route("/admin/api/*").handler(BodyHandler.create(false)
        .setBodyLimit(MAX_ADMIN_BODY));
    // ConfigService blocks on files; one thread, so admin edits also queue in arrival order.
    WorkerExecutor adminPool = vertx.createSharedWorkerExecutor("bantin-admin", 1);
    AdminHandler admin = new AdminHandler(scheduler, store,
        () -> adminPool.executeBlocking(config::config, false));
    router.get("/admin/api/sources").handler(admin::sources);
    router.post("/admin/api/refresh").handler(admin::refreshAll);
    router.post("/admin/api/sources/:id/refresh").handler(admin::refreshOne);
    ConfigEdits edits = new ConfigEdits(config, auth.actor());
    ConfigHandler file = new ConfigHandler(edits, adminPool);
    router.get("/admin/api/config").handler(file::get);
    router.put("/admin/api/config").handler(file::put);
    router.get("/admin/api/config/history").handler(file::history);
    router.post("/admin/api/config/rollback/:version").handler(file::rollback);
    router.get("/admin/api/status").handler(file::status);
    for (Section section : Section.values()) {
      String collection = "/admin/api/" + section.name().toLowerCase(java.util.Locale.ROOT);
      ItemHandler items = new ItemHandler(section, collection, edits, adminPool);
      router.post(collection).handler(items::create);
      router.put(collection + "/:id").handler(items::replace);
      router.delete(collection + "/:id").handler(items::delete);
    }
    // Read back one item in the shape PUT takes, for the admin page's edit forms.
    ConfiguredItemsHandler configured = new ConfiguredItemsHandler(edits, adminPool);
    router.get("/admin/api/sources/:id").handler(configured::source);
    router.get("/admin/api/categories").handler(configured::categories);
    router.get("/admin/api/categories/:id").handler(configured::category);
  }
}
