package vn.bantin.http;

import io.vertx.core.Handler;
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

  private final FeedService feeds;
  private final RenderingWriter writer;
  private final Requests.BaseUrls baseUrls;

  FeedHandler(FeedService feeds, RenderingWriter writer, String publicUrl) {
    this.feeds = feeds;
    this.writer = writer;
    this.baseUrls = new Requests.BaseUrls(publicUrl);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String file = ctx.pathParam("file");
    int dot = file.lastIndexOf('.');
    Optional<Format> format = dot < 0 ? Optional.empty()
        : Format.byExtension(file.substring(dot + 1));
    Optional<Category> category = dot < 0 ? Optional.empty()
        : feeds.categories().find(file.substring(0, dot));
    if (format.isEmpty() || category.isEmpty()) {
      Problems.notFound(ctx, "no feed " + file);
      return;
    }
    OptionalInt limit = Requests.limit(ctx.request());
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
