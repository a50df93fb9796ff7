package vn.bantin.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.bantin.curate.Category;
import vn.bantin.publish.FeedService;
import vn.bantin.publish.Format;
import vn.bantin.publish.Rendering;

/** {@code GET|HEAD /feeds/{category}.{rss|atom|json|html}}. */
final class FeedHandler implements Handler<RoutingContext> {
  private static final Logger LOG = Logger.getLogger(FeedHandler.class.getName());
  /** The path every feed's lies under. */
  static final String PREFIX = "/feeds/";

  private final FeedService feeds;
  private final RenderingWriter writer;
  private final Requests.BaseUrls baseUrls;
  private final Requests.Limits limits = new Requests.Limits();

  FeedHandler(FeedService feeds, RenderingWriter writer, String publicUrl) {
    this.feeds = feeds;
    this.writer = writer;
    this.baseUrls = new Requests.BaseUrls(publicUrl);
  }

  /** The route {@code /feeds/:file}: the file is the router's decoded path parameter. */
  @Override
  public void handle(RoutingContext ctx) {
    serve(ctx, ctx.pathParam("file"));
  }

  /**
   * The route {@code /feeds/*}, any method, ahead of {@code /feeds/:file}: answers the requests
   * that route would answer whose file name needs no decoding, and passes every other request
   * on ({@code ctx.next()}) to the routes as they were. The router matches a path parameter with
   * a regular expression, a map of parameters and a decoded copy of the segment on every
   * request; a readers' GET of {@code /feeds/thoi-su.rss} needs none of it. A segment without
   * {@code %} decodes to itself (RFC 3986 §2.1; the router does not read {@code +} in paths).
   */
  void handlePlain(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    String path = ctx.normalizedPath();
    if ((HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
        && isPlainFile(path)) {
      serve(ctx, path.substring(PREFIX.length()));
    } else {
      ctx.next();
    }
  }

  /** Whether {@code path} is {@link #PREFIX} then one non-empty segment with no {@code %}. */
  static boolean isPlainFile(String path) {
    if (path == null || path.length() <= PREFIX.length() || !path.startsWith(PREFIX)) {
      return false;
    }
    for (int i = PREFIX.length(); i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '/' || c == '%') {
        return false;
      }
    }
    return true;
  }

  private void serve(RoutingContext ctx, String file) {
    int dot = file.lastIndexOf('.');
    Optional<Format> format = dot < 0 ? Optional.empty()
        : Format.byExtension(file.substring(dot + 1));
    Optional<Category> category = dot < 0 ? Optional.empty()
        : feeds.categories().find(file.substring(0, dot));
    if (format.isEmpty() || category.isEmpty()) {
      Problems.notFound(ctx, "no feed " + file);
      return;
    }
    OptionalInt limit = limits.of(ctx.request());
    if (limit.isPresent() && limit.getAsInt() < 0) {
      Problems.send(ctx, 400, "bad_limit", "limit must be a whole number from 1 to "
          + Requests.MAX_LIMIT);
      return;
    }
    Format f = format.get();
    boolean cors = f == Format.JSON || f == Format.HTML;
    int n = limit.orElse(category.get().limit());
    String baseUrl = baseUrls.of(ctx.request());
    Rendering ready = feeds.renderingIfReady(category.get(), f, n, baseUrl);
    if (ready != null) {
      writer.write(ctx, ready, cors);
      return;
    }
    feeds.rendering(category.get(), f, n, baseUrl, ctx.vertx().getOrCreateContext())
        .onSuccess(rendering -> writer.write(ctx, rendering, cors))
        .onFailure(e -> {
          LOG.log(Level.WARNING, "rendering " + file + " failed", e);
          Problems.send(ctx, 503, "unavailable", "the feed cannot be read right now");
        });
  }
}
