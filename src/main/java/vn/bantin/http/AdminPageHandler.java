package vn.bantin.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Serves the admin web page: the fixed files under {@code admin/} on the classpath, read once at
 * start-up, so no request path ever reaches the file system. {@code /admin} redirects to
 * {@code /admin/} so that the page's relative links (admin.css, api/...) resolve under any path
 * prefix a reverse proxy adds.
 */
final class AdminPageHandler implements Handler<RoutingContext> {
  /**
   * Everything the page needs comes from this origin and nothing may frame it (CSP Level 3):
   * no inline script or style, so a title that slipped into markup still could not run.
   */
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
      + "form-action 'self'";

  /** A file of the page: its bytes, media type and strong validator. */
  private record Asset(Buffer body, String contentType, String etag) {}

  /** File name to media type; RFC 9239 names text/javascript for scripts. */
  private static final Map<String, String> FILES = Map.of(
      "index.html", "text/html; charset=utf-8",
      "admin.css", "text/css; charset=utf-8",
      "admin.js", "text/javascript; charset=utf-8",
      "icon.svg", "image/svg+xml");

  private final Map<String, Asset> assets;

  /** Reads the page's files; fails at start-up when one is missing from the jar. */
  AdminPageHandler() {
    this.assets = FILES.entrySet().stream().collect(Collectors.toUnmodifiableMap(
        Map.Entry::getKey, e -> load(e.getKey(), e.getValue())));
  }

  /** GET or HEAD {@code /admin}, {@code /admin/} and {@code /admin/:file}. */
  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.request().path();
    if (path.equals("/admin")) {
      // A relative reference (RFC 9110 §10.2.2) keeps any proxy prefix in front of /admin.
      ctx.response().setStatusCode(301).putHeader("Location", "admin/")
          .putHeader("Cache-Control", "no-cache").end();
      return;
    }
    String name = path.equals("/admin/") ? "index.html" : ctx.pathParam("file");
    Asset asset = name == null ? null : assets.get(name);
    if (asset == null) {
      Problems.notFound(ctx, "no such resource");
      return;
    }
    write(ctx, asset);
  }

  private static void write(RoutingContext ctx, Asset asset) {
    // no-cache: a browser revalidates every time, so a new release shows at once (RFC 9111
    // §5.2.2.4), and the ETag keeps that revalidation cheap.
    HttpServerResponse response = ctx.response()
        .putHeader("Cache-Control", "no-cache")
        .putHeader("ETag", asset.etag())
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer");
    String ifNoneMatch = ctx.request().getHeader("If-None-Match");
    if (ifNoneMatch != null && Conditional.notModified(ifNoneMatch, null, asset.etag(), null)) {
      response.setStatusCode(304).end();
      return;
    }
    response.putHeader("Content-Type", asset.contentType());
    if (ctx.request().method() == HttpMethod.HEAD) {
      response.putHeader("Content-Length", Integer.toString(asset.body().length())).end();
    } else {
      response.end(asset.body());
    }
  }

  private static Asset load(String name, String contentType) {
    String resource = "admin/" + name;
    try (InputStream in = AdminPageHandler.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing from the classpath: " + resource);
      }
      byte[] bytes = in.readAllBytes();
      return new Asset(Buffer.buffer(bytes), contentType, etag(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22)
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
