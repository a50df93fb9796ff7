package vn.bantin.publish;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * One rendered document ready to serve: its bytes, their gzip twin, a strong ETag and the
 * Last-Modified instant, plus what every answer would otherwise recompute (both bodies ready
 * for a socket, the Last-Modified header value). The arrays are
 * shared, never copied: callers must not modify them. Immutable and safe to share across threads.
 *
 * <p>Not a record only because of those derived fields; equality is still that of its five
 * components, the arrays compared by identity as a record would.
 */
public final class Rendering {
  // IMF-fixdate (RFC 9110 §5.6.7): two-digit day, which RFC_1123_DATE_TIME does not pad.
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  // getInstance looks the algorithm up among the providers on every call; one per thread.
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(Rendering::sha256);

  private final byte[] body;
  private final byte[] gzipped;
  private final String etag;
  private final Instant lastModified;
  private final String contentType;
  private final ByteBuf bodyBytes;
  private final ByteBuf gzippedBytes;
  private final String lastModifiedHeader;

  /**
   * @param body the document
   * @param gzipped {@code body} gzip-compressed, for requests that accept gzip
   * @param etag a strong entity tag including its quotes, derived from {@code body} only
   * @param lastModified whole seconds, as HTTP dates carry (RFC 9110 §5.6.7)
   * @param contentType the Content-Type header value
   */
  public Rendering(byte[] body, byte[] gzipped, String etag, Instant lastModified,
      String contentType) {
    this.body = Objects.requireNonNull(body, "body");
    this.gzipped = Objects.requireNonNull(gzipped, "gzipped");
    this.etag = Objects.requireNonNull(etag, "etag");
    this.lastModified = Objects.requireNonNull(lastModified, "lastModified");
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    this.bodyBytes = sendable(body);
    this.gzippedBytes = sendable(gzipped);
    this.lastModifiedHeader = IMF_FIXDATE.format(lastModified);
  }

  /** Compresses {@code body} and derives its ETag; CPU work, so call it on the render pool. */
  public static Rendering of(byte[] body, String contentType, Instant lastModified) {
    return new Rendering(body, Gzip.gzip(body), etag(body),
        lastModified.truncatedTo(ChronoUnit.SECONDS), contentType);
  }

  /** The document. */
  public byte[] body() {
    return body;
  }

  /** {@link #body()} gzip-compressed. */
  public byte[] gzipped() {
    return gzipped;
  }

  /** The strong entity tag, with its quotes. */
  public String etag() {
    return etag;
  }

  /** When the content last changed, in whole seconds. */
  public Instant lastModified() {
    return lastModified;
  }

  /** The Content-Type header value. */
  public String contentType() {
    return contentType;
  }

  /**
   * {@link #body()} as a buffer for one response: a new view of bytes held once in direct
   * memory, no copy, so any number of responses on any threads may send them at once. The bytes
   * are read-only ({@code set*} throws); {@code append*} gives the view a copy of its own.
   */
  public Buffer bodyBuffer() {
    return BufferInternal.buffer(bodyBytes.duplicate());
  }

  /** {@link #gzipped()} as a buffer for one response, like {@link #bodyBuffer()}. */
  public Buffer gzippedBuffer() {
    return BufferInternal.buffer(gzippedBytes.duplicate());
  }

  /** {@link #lastModified()} as an HTTP date (IMF-fixdate), for the Last-Modified header. */
  public String lastModifiedHeader() {
    return lastModifiedHeader;
  }

  // One copy into direct memory per rendering, so that no answer copies the bytes again: a heap
  // buffer is copied into a direct one by every socket write. The JDK frees the memory when the
  // rendering is collected (Netty never frees a ByteBuffer it wraps, and unreleasable means no
  // release by a response can make the bytes unreadable for the next). Read-only, so no holder
  // of a view can change what others send.
  private static ByteBuf sendable(byte[] bytes) {
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct.asReadOnlyBuffer()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rendering r && body == r.body && gzipped == r.gzipped
        && etag.equals(r.etag) && lastModified.equals(r.lastModified)
        && contentType.equals(r.contentType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(System.identityHashCode(body), System.identityHashCode(gzipped), etag,
        lastModified, contentType);
  }

  @Override
  public String toString() {
    return "Rendering[" + contentType + ", " + body.length + " bytes, gzip " + gzipped.length
        + ", etag=" + etag + ", lastModified=" + lastModified + "]";
  }

  // RFC 9110 §8.8.3: a strong validator changes whenever the bytes do. Hashing the bytes (not an
  // instance counter) makes every instance give the same tag for the same feed. 22 base64url
  // characters keep 132 bits of SHA-256: ample against collisions, short on the wire.
  private static String etag(byte[] body) {
    // digest() resets the instance, so the next body starts afresh.
    byte[] digest = SHA_256.get().digest(body);
    String b64 = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    return "\"" + b64.substring(0, 22) + "\"";
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
