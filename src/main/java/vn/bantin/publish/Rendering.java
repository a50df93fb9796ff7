package vn.bantin.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * One rendered document ready to serve: its bytes, their gzip twin, a strong ETag and the
 * Last-Modified instant. The arrays are shared, never copied: callers must not modify them.
 *
 * @param body the document
 * @param gzipped {@code body} gzip-compressed, for requests that accept gzip
 * @param etag a strong entity tag including its quotes, derived from {@code body} only
 * @param lastModified whole seconds, as HTTP dates carry (RFC 9110 §5.6.7)
 * @param contentType the Content-Type header value
 */
public record Rendering(
    byte[] body, byte[] gzipped, String etag, Instant lastModified, String contentType) {

  public Rendering {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(gzipped, "gzipped");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(contentType, "contentType");
  }

  /** Compresses {@code body} and derives its ETag; CPU work, so call it on the render pool. */
  public static Rendering of(byte[] body, String contentType, Instant lastModified) {
    return new Rendering(body, gzip(body), etag(body), lastModified.truncatedTo(ChronoUnit.SECONDS),
        contentType);
  }

  // RFC 9110 §8.8.3: a strong validator changes whenever the bytes do. Hashing the bytes (not an
  // instance counter) makes every instance give the same tag for the same feed. 22 base64url
  // characters keep 132 bits of SHA-256: ample against collisions, short on the wire.
  private static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      String b64 = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
      return "\"" + b64.substring(0, 22) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  // The default level (6), not BEST_SPEED: a rendering is compressed once per change and sent
  // many times, so the smaller body is worth the extra CPU; level 9 gains little more for feeds.
  // GZIPOutputStream writes a zero mtime, so equal bodies give equal gzip bytes.
  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory gzip failed", e);
    }
    return out.toByteArray();
  }
}
