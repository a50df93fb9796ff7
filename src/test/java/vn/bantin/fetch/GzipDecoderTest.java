package vn.bantin.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.bantin.fetch.FetcherBodyTest.gzip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class GzipDecoderTest {

  private static final byte[] TEXT = "Đảng ủy Khối triển khai nhiệm vụ năm 2025. ".repeat(200)
      .getBytes(StandardCharsets.UTF_8);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private GzipDecoder decoder() {
    return new GzipDecoder((b, off, len) -> {
      out.write(b, off, len);
      return true;
    });
  }

  @Test
  void decodesOneByteAtATime() throws Exception {
    byte[] gz = gzip(TEXT);
    try (GzipDecoder d = decoder()) {
      for (byte b : gz) {
        assertThat(d.feed(new byte[] {b})).isTrue();
      }
      d.finish();
    }
    assertThat(out.toByteArray()).isEqualTo(TEXT);
  }

  @Test
  void decodesConcatenatedMembersAndIgnoresZeroPadding() throws Exception {
    byte[] a = gzip("first ".getBytes(StandardCharsets.UTF_8));
    byte[] b = gzip("second".getBytes(StandardCharsets.UTF_8));
    byte[] all = concat(concat(a, b), new byte[16]);
    try (GzipDecoder d = decoder()) {
      d.feed(all);
      d.finish();
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("first second");
  }

  @Test
  void skipsOptionalHeaderFields() throws Exception {
    byte[] member = member(TEXT, 4 | 8 | 16 | 2); // FEXTRA, FNAME, FCOMMENT, FHCRC
    try (GzipDecoder d = decoder()) {
      for (int i = 0; i < member.length; i += 7) { // header fields split across chunks
        d.feed(Arrays.copyOfRange(member, i, Math.min(member.length, i + 7)));
      }
      d.finish();
    }
    assertThat(out.toByteArray()).isEqualTo(TEXT);
  }

  @Test
  void stopsAsSoonAsTheSinkRefuses() throws Exception {
    byte[] bomb = gzip(new byte[8 << 20]);
    long[] written = {0};
    try (GzipDecoder d = new GzipDecoder((b, off, len) -> {
      written[0] += len;
      return written[0] < 100_000;
    })) {
      assertThat(d.feed(bomb)).isFalse();
    }
    assertThat(written[0]).isLessThan(100_000 + 8192 + 1);
  }

  @Test
  void refusesBadCrc() throws Exception {
    byte[] gz = gzip(TEXT);
    gz[gz.length - 8] ^= 1;
    try (GzipDecoder d = decoder()) {
      assertThatThrownBy(() -> d.feed(gz)).isInstanceOf(ZipException.class).hasMessageContaining("CRC");
    }
  }

  @Test
  void refusesTruncatedStream() throws Exception {
    byte[] gz = gzip(TEXT);
    try (GzipDecoder d = decoder()) {
      d.feed(Arrays.copyOf(gz, gz.length - 3));
      assertThatThrownBy(d::finish).isInstanceOf(ZipException.class).hasMessageContaining("truncated");
    }
  }

  @Test
  void refusesWhatIsNotGzip() {
    try (GzipDecoder d = decoder()) {
      assertThatThrownBy(() -> d.feed("<rss/>".getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(ZipException.class);
    }
  }

  @Test
  void emptyBodyIsEmpty() throws Exception {
    try (GzipDecoder d = decoder()) {
      d.finish();
    }
    assertThat(out.size()).isZero();
  }

  /** A gzip member with the given optional header fields, built by hand (RFC 1952 §2.3). */
  private static byte[] member(byte[] data, int flags) {
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    m.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, (byte) flags, 0, 0, 0, 0, 0, 3});
    if ((flags & 4) != 0) {
      m.writeBytes(new byte[] {5, 0, 'A', 'B', 3, 0, 'x'});
    }
    if ((flags & 8) != 0) {
      m.writeBytes("tin-tuc.xml\0".getBytes(StandardCharsets.ISO_8859_1));
    }
    if ((flags & 16) != 0) {
      m.writeBytes("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
    }
    if ((flags & 2) != 0) {
      m.writeBytes(new byte[] {0, 0}); // header CRC16, not checked
    }
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    deflater.setInput(data);
    deflater.finish();
    byte[] buf = new byte[data.length + 64];
    int n = deflater.deflate(buf);
    deflater.end();
    m.write(buf, 0, n);
    CRC32 crc = new CRC32();
    crc.update(data);
    m.writeBytes(le32((int) crc.getValue()));
    m.writeBytes(le32(data.length));
    return m.toByteArray();
  }

  private static byte[] le32(int v) {
    return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
