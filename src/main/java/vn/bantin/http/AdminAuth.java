package vn.bantin.http;

import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * Lets a request through to the admin API only with {@code Authorization: Bearer <token>}. The
 * token is compared in constant time over digests, so neither its content nor its length leaks
 * through timing (RFC 6750 §3 for the challenge). A client address that failed too often is
 * answered 429 with {@code Retry-After} (RFC 6585 §4) without looking at its token, see
 * {@link FailureThrottle}; only wrong credentials count, successes and requests without an
 * {@code Authorization} header do not.
 */
final class AdminAuth implements Handler<RoutingContext> {
  private static final String PREFIX = "Bearer ";

  private final byte[] tokenDigest;
  private final FailureThrottle throttle;

  AdminAuth(String token, FailureThrottle throttle) {
    this.tokenDigest = digest(token);
    this.throttle = throttle;
  }

  /**
   * Who the token's holder is in the audit log: {@code token:} and the first 8 hex digits of the
   * token's SHA-256, which names it without revealing it.
   */
  String actor() {
    return "token:" + HexFormat.of().formatHex(tokenDigest, 0, 4);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String address = address(ctx);
    OptionalLong wait = throttle.retryAfter(address);
    if (wait.isPresent()) {
      ctx.response().putHeader("Retry-After", Long.toString(wait.getAsLong()));
      Problems.send(ctx, 429, "too_many_failures", "too many failed attempts from "
          + address + "; try again in " + wait.getAsLong() + " s");
      return;
    }
    String header = ctx.request().getHeader("Authorization");
    boolean bearer = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    if (bearer && MessageDigest.isEqual(digest(header.substring(PREFIX.length()).strip()),
        tokenDigest)) {
      ctx.next();
      return;
    }
    if (header != null) {
      // Only a wrong credential is a guess; a request that sends none guesses nothing.
      throttle.failed(address);
    }
    ctx.response().putHeader("WWW-Authenticate", bearer
        ? "Bearer realm=\"bantin\", error=\"invalid_token\""
        : "Bearer realm=\"bantin\"");
    Problems.send(ctx, 401, "unauthorized", "a valid admin bearer token is required");
  }

  /** The peer's IP address; behind a reverse proxy that is the proxy's (see the README). */
  private static String address(RoutingContext ctx) {
    SocketAddress remote = ctx.request().remoteAddress();
    return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
  }

  private static byte[] digest(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
