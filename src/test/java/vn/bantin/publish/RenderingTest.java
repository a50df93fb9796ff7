package vn.bantin.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.vertx.core.internal.buffer.BufferInternal;
import java.io.ByteArrayInputStream;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class RenderingTest {

  private static final Instant MODIFIED = Instant.parse("2025-03-05T08:30:00.123456Z");
  private static final String TYPE = Format.RSS.contentType();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void equalBytesGiveEqualEtagsAcrossInstances() {
    Rendering a = Rendering.of(utf8("<rss>Xây dựng Đảng</rss>"), TYPE, MODIFIED);
    Rendering b = Rendering.of(utf8("<rss>Xây dựng Đảng</rss>"), TYPE, MODIFIED.plusSeconds(60));
    assertThat(a.etag()).isEqualTo(b.etag());
    assertThat(a.gzipped()).isEqualTo(b.gzipped());
  }

  @Test
  void differentBytesGiveDifferentEtags() {
    Rendering a = Rendering.of(utf8("<rss>Xây dựng Đảng</rss>"), TYPE, MODIFIED);
    Rendering b = Rendering.of(utf8("<rss>Xây dựng đảng</rss>"), TYPE, MODIFIED);
    assertThat(a.etag()).isNotEqualTo(b.etag());
  }

  @Test
  void etagIsAStrongQuotedBase64urlTag() {
    String etag = Rendering.of(utf8("{}"), Format.JSON.contentType(), MODIFIED).etag();
    // RFC 9110 §8.8.3: strong (no W/ prefix), DQUOTE *etagc DQUOTE.
    assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
    // SHA-256("{}") = 44136fa3..., base64url "RBNvo1WzZ4oRRq0W9-hknpT7T8If536DEMBg9hyq_4o"
    assertThat(etag).isEqualTo("\"RBNvo1WzZ4oRRq0W9-hknp\"");
  }

  @Test
  void gzipDecodesBackToTheBody() throws Exception {
    byte[] body = utf8("<feed>" + "Tin công tác xây dựng Đảng. ".repeat(200) + "</feed>");
    Rendering r = Rendering.of(body, Format.ATOM.contentType(), MODIFIED);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.gzipped()))) {
      assertThat(in.readAllBytes()).isEqualTo(body);
    }
    assertThat(r.gzipped().length).isLessThan(body.length / 4);
    assertThat(r.body()).isSameAs(body);
  }

  @Test
  void lastModifiedIsTruncatedToSecondsAndTypeKept() {
    Rendering r = Rendering.of(utf8("{}"), Format.JSON.contentType(), MODIFIED);
    assertThat(r.lastModified()).isEqualTo(Instant.parse("2025-03-05T08:30:00Z"));
    assertThat(r.contentType()).isEqualTo("application/feed+json; charset=utf-8");
  }

  @Test
  void lastModifiedHeaderIsAnImfFixdateWithATwoDigitDay() {
    Rendering r = Rendering.of(utf8("{}"), Format.JSON.contentType(), MODIFIED);
    // RFC 9110 §5.6.7: day = 2DIGIT.
    assertThat(r.lastModifiedHeader()).isEqualTo("Wed, 05 Mar 2025 08:30:00 GMT");
  }

  @Test
  void buffersHoldTheBytesAndSurviveAnyNumberOfWrites() {
    byte[] body = utf8("<rss>" + "Tin Lai Châu. ".repeat(100) + "</rss>");
    Rendering r = Rendering.of(body, TYPE, MODIFIED);
    for (int write = 0; write < 3; write++) {
      // What HttpServerResponse.end(Buffer) takes from the buffer and then releases.
      ByteBuf sent = ((BufferInternal) r.bodyBuffer()).getByteBuf();
      byte[] bytes = new byte[sent.readableBytes()];
      sent.readBytes(bytes);
      sent.release();
      assertThat(bytes).as("write %d", write).isEqualTo(body);
    }
    assertThat(r.gzippedBuffer().getBytes()).isEqualTo(r.gzipped());
  }

  @Test
  void buffersCannotBeChangedByOneHolder() {
    Rendering r = Rendering.of(utf8("<rss>Xây dựng Đảng</rss>"), TYPE, MODIFIED);
    assertThatThrownBy(() -> r.bodyBuffer().setByte(0, (byte) 'x'))
        .isInstanceOf(ReadOnlyBufferException.class);
    r.gzippedBuffer().appendString("x");
    assertThat(r.bodyBuffer().getByte(0)).isEqualTo((byte) '<');
    assertThat(r.gzippedBuffer().getBytes()).isEqualTo(r.gzipped());
  }
}
