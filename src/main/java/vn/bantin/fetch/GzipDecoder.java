package vn.bantin.fetch;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Incremental gzip decoder (RFC 1952) fed chunk by chunk as the body arrives. Output goes to a
 * {@link Sink} in small pieces, and decoding stops the moment the sink refuses one, so a gzip
 * bomb costs at most one window of work past the cap. Members are checked against their CRC-32
 * and length; several members in a row are allowed (§2.2). Not thread-safe; one per body.
 */
final class GzipDecoder implements AutoCloseable {

  /** Receives decoded bytes; returns {@code false} to stop decoding. */
  interface Sink {
    boolean write(byte[] bytes, int offset, int length);
  }

  private enum State { HEADER, DEFLATE, TRAILER, MEMBER_END, TRAILING_BYTES }

  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int RESERVED = 0xe0;
  /** A header beyond this (huge file names or extra fields) is not worth waiting for. */
  private static final int MAX_HEADER = 64 * 1024;
  private static final byte[] EMPTY = new byte[0];

  private final Sink sink;
  private final Inflater inflater = new Inflater(true); // raw deflate: we parse the wrapper
  private final CRC32 crc = new CRC32();
  private final byte[] window = new byte[8192];
  private byte[] pending = EMPTY;
  private State state = State.HEADER;
  private long memberSize;
  private boolean sawInput;

  GzipDecoder(Sink sink) {
    this.sink = sink;
  }

  /**
   * Decodes one chunk.
   *
   * @return {@code false} when the sink stopped decoding
   * @throws ZipException when the data is not gzip or is corrupt
   */
  boolean feed(byte[] chunk) throws ZipException {
    sawInput |= chunk.length > 0;
    byte[] data = pending.length == 0 ? chunk : concat(pending, chunk);
    pending = EMPTY;
    int pos = 0;
    while (pos < data.length) {
      switch (state) {
        case HEADER -> {
          int length = headerLength(data, pos);
          if (length < 0) {
            pending = Arrays.copyOfRange(data, pos, data.length);
            return true;
          }
          pos += length;
          inflater.reset();
          crc.reset();
          memberSize = 0;
          state = State.DEFLATE;
        }
        case DEFLATE -> {
          inflater.setInput(data, pos, data.length - pos);
          if (!inflate()) {
            return false;
          }
          pos = data.length - inflater.getRemaining();
          if (!inflater.finished()) {
            return true; // all input consumed, more to come
          }
          state = State.TRAILER;
        }
        case TRAILER -> {
          if (data.length - pos < 8) {
            pending = Arrays.copyOfRange(data, pos, data.length);
            return true;
          }
          if (int32(data, pos) != (int) crc.getValue()) {
            throw new ZipException("gzip CRC-32 mismatch");
          }
          if (int32(data, pos + 4) != (int) memberSize) {
            throw new ZipException("gzip length mismatch");
          }
          pos += 8;
          state = State.MEMBER_END;
        }
        case MEMBER_END ->
          // Another member may follow; some servers pad with zeros instead, which gzip(1)
          // also ignores.
          state = (data[pos] & 0xff) == 0x1f ? State.HEADER : State.TRAILING_BYTES;
        case TRAILING_BYTES -> pos = data.length;
        default -> throw new IllegalStateException(state.name());
      }
    }
    return true;
  }

  /**
   * Checks that the stream ended after a complete member; an empty body counts as empty content.
   *
   * @throws ZipException when the stream was cut short
   */
  void finish() throws ZipException {
    boolean complete = state == State.MEMBER_END || state == State.TRAILING_BYTES;
    if (!complete && sawInput) {
      throw new ZipException("truncated gzip stream");
    }
  }

  @Override
  public void close() {
    inflater.end();
  }

  private boolean inflate() throws ZipException {
    while (true) {
      int n;
      try {
        n = inflater.inflate(window);
      } catch (DataFormatException e) {
        throw new ZipException("corrupt gzip data: " + e.getMessage());
      }
      if (n > 0) {
        crc.update(window, 0, n);
        memberSize += n;
        if (!sink.write(window, 0, n)) {
          return false;
        }
      } else if (inflater.needsDictionary()) {
        throw new ZipException("gzip data needs a preset dictionary");
      }
      if (inflater.finished() || inflater.needsInput()) {
        return true;
      }
    }
  }

  /** Length of the member header starting at {@code pos}, or -1 when more bytes are needed. */
  private static int headerLength(byte[] d, int pos) throws ZipException {
    int available = d.length - pos;
    if (available > MAX_HEADER) {
      available = MAX_HEADER;
    }
    if (available >= 1 && (d[pos] & 0xff) != 0x1f
        || available >= 2 && (d[pos + 1] & 0xff) != 0x8b) {
      throw new ZipException("not gzip data");
    }
    if (available < 10) {
      return -1;
    }
    if (d[pos + 2] != 8) {
      throw new ZipException("gzip compression method " + d[pos + 2] + " is not deflate");
    }
    int flags = d[pos + 3] & 0xff;
    if ((flags & RESERVED) != 0) {
      throw new ZipException("reserved gzip flags set");
    }
    int at = 10;
    if ((flags & FEXTRA) != 0) {
      if (available < at + 2) {
        return needMore(d, pos);
      }
      at += 2 + ((d[pos + at] & 0xff) | (d[pos + at + 1] & 0xff) << 8);
    }
    for (int flag : new int[] {FNAME, FCOMMENT}) {
      if ((flags & flag) != 0) {
        while (at < available && d[pos + at] != 0) {
          at++;
        }
        if (at >= available) {
          return needMore(d, pos);
        }
        at++; // the terminating zero
      }
    }
    if ((flags & FHCRC) != 0) {
      at += 2;
    }
    return at <= available ? at : needMore(d, pos);
  }

  private static int needMore(byte[] d, int pos) throws ZipException {
    if (d.length - pos >= MAX_HEADER) {
      throw new ZipException("gzip header longer than " + MAX_HEADER + " bytes");
    }
    return -1;
  }

  private static int int32(byte[] d, int at) {
    return (d[at] & 0xff) | (d[at + 1] & 0xff) << 8 | (d[at + 2] & 0xff) << 16
        | (d[at + 3] & 0xff) << 24;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
