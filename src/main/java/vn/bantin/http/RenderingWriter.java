package vn.bantin.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.config.Settings;
import vn.bantin.publish.Rendering;

/**
 * Writes a prepared {@link Rendering}: validators, caching headers, 304, HEAD, and the gzip twin
 * when the client accepts it. Nothing is rendered or compressed here.
 */
final class RenderingWriter {
  private final String cacheControl;

  RenderingWriter(Settings.Serve serve) {
    this.cacheControl = "public, max-age=" + serve.maxAge().toSeconds()
        + ", stale-while-revalidate=" + serve.staleWhileRevalidate().toSeconds();
  }

  void write(RoutingContext ctx, Rendering rendering, boolean cors) {
    HttpServerResponse response = ctx.response();
    if (response.ended()) {
      return;
    }
    response.putHeader("ETag", rendering.etag())
        .putHeader("Last-Modified", Conditional.httpDate(rendering.lastModified()))
        .putHeader("Cache-Control", cacheControl)
        .putHeader("Vary", "Accept-Encoding");
    if (cors) {
      response.putHeader("Access-Control-Allow-Origin", "*");
    }
    var request = ctx.request();
    if (Conditional.notModified(request.getHeader("If-None-Match"),
        request.getHeader("If-Modified-Since"), rendering.etag(), rendering.lastModified())) {
      response.setStatusCode(304).end();
      return;
    }
    boolean gzip = Requests.acceptsGzip(request);
    byte[] body = gzip ? rendering.gzipped() : rendering.body();
    response.putHeader("Content-Type", rendering.contentType());
    if (gzip) {
      response.putHeader("Content-Encoding", "gzip");
    }
    if (request.method() == HttpMethod.HEAD) {
      response.putHeader("Content-Length", Integer.toString(body.length)).end();
    } else {
      response.end(Buffer.buffer(body));
    }
  }
}
