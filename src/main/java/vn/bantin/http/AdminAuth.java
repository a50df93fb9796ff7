package vn.bantin.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Lets a request through to the admin API only with {@code Authorization: Bearer <token>}. The
 * token is compared in constant time over digests, so neither its content nor its length leaks
 * through timing (RFC 6750 §3 for the challenge).
 */
final class AdminAuth implements Handler<RoutingContext> {
  private static final String PREFIX = "Bearer ";

  private final byte[] tokenDigest;

  AdminAuth(String token) {
    this.tokenDigest = digest(token);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    boolean bearer = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    if (bearer && MessageDigest.isEqual(digest(header.substring(PREFIX.length()).strip()),
        tokenDigest)) {
      ctx.next();
      return;
    }
    ctx.response().putHeader("WWW-Authenticate", bearer
        ? "Bearer realm=\"bantin\", error=\"invalid_token\""
        : "Bearer realm=\"bantin\"");
    Problems.send(ctx, 401, "unauthorized", "a valid admin bearer token is required");
  }

  private static byte[] digest(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
