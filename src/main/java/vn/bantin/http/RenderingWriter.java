package vn.bantin.http;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
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

  // Header names and fixed values as pre-encoded ASCII: their hash is computed once and they are
  // copied into the response head as bytes, not encoded char by char on every answer. Names keep
  // their usual capitalization (Vert.x's own constants are lower case).
  private static final CharSequence ETAG = HttpHeaders.createOptimized("ETag");
  private static final CharSequence LAST_MODIFIED = HttpHeaders.createOptimized("Last-Modified");
  private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("Cache-Control");
  private static final CharSequence VARY = HttpHeaders.createOptimized("Vary");
  private static final CharSequence ACCEPT_ENCODING =
      HttpHeaders.createOptimized("Accept-Encoding");
  private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");
  private static final CharSequence CONTENT_ENCODING =
      HttpHeaders.createOptimized("Content-Encoding");
  private static final CharSequence CONTENT_LENGTH = HttpHeaders.createOptimized("Content-Length");
  private static final CharSequence ALLOW_ORIGIN =
      HttpHeaders.createOptimized("Access-Control-Allow-Origin");
  private static final CharSequence NOSNIFF_NAME =
      HttpHeaders.createOptimized("X-Content-Type-Options");
  private static final CharSequence ANY = HttpHeaders.createOptimized("*");
  private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
  private static final CharSequence CSP = HttpHeaders.createOptimized("Content-Security-Policy");
  private static final CharSequence CSP_VALUE = HttpHeaders.createOptimized(HTML_CSP);
  private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
  private static final CharSequence REFERRER_POLICY =
      HttpHeaders.createOptimized("Referrer-Policy");
  private static final CharSequence NO_REFERRER = HttpHeaders.createOptimized("no-referrer");
  private static final String HTML_TYPE = Format.HTML.contentType();

  private final CharSequence cacheControl;
  private volatile Prepared last;

  RenderingWriter(Settings.Serve serve) {
    this.cacheControl = HttpHeaders.createOptimized("public, max-age=" + serve.maxAge().toSeconds()
        + ", stale-while-revalidate=" + serve.staleWhileRevalidate().toSeconds());
  }

  void write(RoutingContext ctx, Rendering rendering, boolean cors) {
    HttpServerResponse response = ctx.response();
    if (response.ended()) {
      return;
    }
    // add, not set (putHeader): nothing set these before, so there is nothing to look up and
    // remove first.
    MultiMap headers = response.headers();
    Prepared values = prepared(rendering);
    headers.add(ETAG, values.etag)
        .add(LAST_MODIFIED, values.lastModified)
        .add(CACHE_CONTROL, cacheControl)
        .add(VARY, ACCEPT_ENCODING);
    if (cors) {
      headers.add(ALLOW_ORIGIN, ANY);
    }
    if (HTML_TYPE.equals(rendering.contentType())) {
      // On 304 too: a cache refreshing its stored headers keeps the policy (RFC 9111 §4.3.4).
      headers.add(CSP, CSP_VALUE)
          .add(NOSNIFF_NAME, NOSNIFF)
          .add(REFERRER_POLICY, NO_REFERRER);
    }
    var request = ctx.request();
    // If-None-Match wins when both are sent, so If-Modified-Since is only read without it.
    String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
    String ifModifiedSince = ifNoneMatch != null ? null
        : request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
    if (Conditional.notModified(ifNoneMatch, ifModifiedSince, rendering.etag(),
        rendering.lastModified())) {
      response.setStatusCode(304).end();
      return;
    }
    boolean gzip = Requests.acceptsGzip(request);
    headers.add(CONTENT_TYPE, values.contentType);
    if (gzip) {
      headers.add(CONTENT_ENCODING, GZIP);
    }
    Buffer body = gzip ? rendering.gzippedBuffer() : rendering.bodyBuffer();
    if (request.method() == HttpMethod.HEAD) {
      response.putHeader(CONTENT_LENGTH, Integer.toString(body.length())).end();
    } else {
      response.end(body); // a view of the rendering's bytes, not a copy
    }
  }

  /**
   * The rendering's header values as pre-encoded ASCII, built once per rendering rather than
   * once per answer (a String value is encoded into the response head char by char; these are
   * copied as bytes). Remembers
   * the last rendering written, by identity: a cache hit for the feed most readers ask for; any
   * other rendering just builds its values again.
   */
  private Prepared prepared(Rendering rendering) {
    Prepared p = last;
    if (p == null || p.rendering != rendering) {
      p = new Prepared(rendering, HttpHeaders.createOptimized(rendering.etag()),
          HttpHeaders.createOptimized(rendering.lastModifiedHeader()),
          HttpHeaders.createOptimized(rendering.contentType()));
      last = p;
    }
    return p;
  }

  private record Prepared(Rendering rendering, CharSequence etag, CharSequence lastModified,
      CharSequence contentType) {}
}
