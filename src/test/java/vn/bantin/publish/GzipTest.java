package vn.bantin.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GzipTest {

  static Stream<Arguments> bodies() {
    byte[] random = new byte[300_000];
    new SplittableRandom(1).nextBytes(random); // incompressible: the output outgrows the scratch
    return Stream.of(
        Arguments.of("empty", new byte[0]),
        Arguments.of("one byte", new byte[] {'x'}),
        Arguments.of("a feed-like text", ("<item><title>Xây dựng Đảng</title></item>\n")
            .repeat(3_000).getBytes(StandardCharsets.UTF_8)),
        Arguments.of("incompressible, larger than the scratch buffer", random));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void decodesBackToTheBody(String name, byte[] body) throws Exception {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Gzip.gzip(body)))) {
      assertThat(in.readAllBytes()).isEqualTo(body);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void sameBytesAsGzipOutputStreamAtTheSameLevel(String name, byte[] body) throws Exception {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(expected)) {
      gz.write(body); // its Deflater's default level is 6, Gzip.LEVEL
    }
    assertThat(Gzip.LEVEL).isEqualTo(6);
    assertThat(Gzip.gzip(body)).isEqualTo(expected.toByteArray());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void theReusedDeflaterStartsAfreshForEveryBody(String name, byte[] body) {
    byte[] first = Gzip.gzip(body);
    Gzip.gzip("something else in between".getBytes(StandardCharsets.UTF_8));
    assertThat(Gzip.gzip(body)).isEqualTo(first);
  }
}
