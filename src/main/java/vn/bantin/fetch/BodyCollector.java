package vn.bantin.fetch;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.zip.ZipException;
import vn.bantin.model.Failure;
import vn.bantin.model.FailureCode;

/**
 * Collects a response body chunk by chunk under two caps: raw bytes on the wire and decoded
 * bytes after gzip. Nothing is buffered past a cap: the chunk that crosses it is the last one
 * looked at. Not thread-safe; one per response, used by one thread at a time.
 */
final class BodyCollector implements AutoCloseable {

  private final long maxRawBytes;
  private final long maxDecodedBytes;
  private final ByteArrayOutputStream decoded = new ByteArrayOutputStream();
  private final GzipDecoder gzip;
  private long rawBytes;
  private boolean overDecodedCap;

  private BodyCollector(boolean gzipped, long maxRawBytes, long maxDecodedBytes) {
    this.maxRawBytes = maxRawBytes;
    this.maxDecodedBytes = maxDecodedBytes;
    this.gzip = gzipped ? new GzipDecoder(this::keep) : null;
  }

  /**
   * A collector for a body sent with this {@code Content-Encoding}, or {@code null} when it is
   * one we did not ask for: we send {@code Accept-Encoding: gzip} only, so br, deflate or
   * compress mean a misbehaving server (RFC 9110 §8.4, §12.5.3).
   */
  static BodyCollector forEncoding(String contentEncoding, long maxRawBytes,
      long maxDecodedBytes) {
    boolean gzipped = false;
    if (contentEncoding != null) {
      for (String coding : contentEncoding.split(",")) {
        String c = coding.trim().toLowerCase(Locale.ROOT);
        if (c.equals("gzip") || c.equals("x-gzip")) { // x-gzip: RFC 9110 §8.4.1.3
          if (gzipped) {
            return null; // gzip applied twice is not something we decode
          }
          gzipped = true;
        } else if (!c.isEmpty() && !c.equals("identity")) {
          return null;
        }
      }
    }
    return new BodyCollector(gzipped, maxRawBytes, maxDecodedBytes);
  }

  /** Whether the body is gzip-encoded, so that taking a chunk may inflate it a thousandfold. */
  boolean isGzipped() {
    return gzip != null;
  }

  /** Takes one chunk; returns the failure that ends the body, or {@code null} to go on. */
  Failure accept(byte[] chunk) {
    rawBytes += chunk.length;
    if (rawBytes > maxRawBytes) {
      return new Failure(FailureCode.BODY_TOO_LARGE, "body over " + maxRawBytes + " bytes");
    }
    if (gzip == null) {
      keep(chunk, 0, chunk.length);
    } else {
      try {
        gzip.feed(chunk);
      } catch (ZipException e) {
        return new Failure(FailureCode.UNSUPPORTED_ENCODING, e.getMessage());
      }
    }
    return overDecodedCap ? decodedTooLarge() : null;
  }

  /** Ends the body; returns the failure when it was cut short, else {@code null}. */
  Failure finish() {
    if (gzip != null) {
      try {
        gzip.finish();
      } catch (ZipException e) {
        return new Failure(FailureCode.UNSUPPORTED_ENCODING, e.getMessage());
      }
    }
    return null;
  }

  /** The decoded body so far. */
  byte[] body() {
    return decoded.toByteArray();
  }

  @Override
  public void close() {
    if (gzip != null) {
      gzip.close();
    }
  }

  private boolean keep(byte[] bytes, int offset, int length) {
    if (decoded.size() + (long) length > maxDecodedBytes) {
      overDecodedCap = true;
      return false;
    }
    decoded.write(bytes, offset, length);
    return true;
  }

  private Failure decodedTooLarge() {
    return new Failure(FailureCode.BODY_TOO_LARGE,
        "decoded body over " + maxDecodedBytes + " bytes");
  }
}
