package vn.bantin.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.config.Settings;
import vn.bantin.publish.Format;
import vn.bantin.publish.Rendering;

/**
 * Writes a prepared {@link Rendering}: validators, caching headers, 304, HEAD, and the gzip twin
 * when the client accepts it. Nothing is rendered or compressed here.
 */
final class RenderingWriter {
  /**
   * For the HTML list, which portals embed: nothing may run or load from elsewhere even if markup
   * slipped through escaping (no script, object, font, form or base URL; inline style only), and
   * any site may frame it (CSP Level 3 frame-ancestors).
   */
  static final String HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
      + "base-uri 'none'; form-action 'none'; frame-ancestors *";

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
    if (Format.HTML.contentType().equals(rendering.contentType())) {
      // On 304 too: a cache refreshing its stored headers keeps the policy (RFC 9111 §4.3.4).
      response.putHeader("Content-Security-Policy", HTML_CSP)
          .putHeader("X-Content-Type-Options", "nosniff")
          .putHeader("Referrer-Policy", "no-referrer");
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
