package vn.bantin.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.fetch.FetcherBodyTest.gzip;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bantin.model.Failure;
import vn.bantin.model.FailureCode;

class BodyCollectorTest {

  @ParameterizedTest(name = "Content-Encoding: {0}")
  @NullSource
  @ValueSource(strings = {"", "identity", "gzip", "x-gzip", " GZip ", "identity, gzip"})
  void acceptsWhatWeAskedFor(String encoding) {
    assertThat(BodyCollector.forEncoding(encoding, 10, 10)).isNotNull();
  }

  @ParameterizedTest(name = "Content-Encoding: {0}")
  @ValueSource(strings = {"br", "deflate", "compress", "zstd", "gzip, br", "gzip, gzip"})
  void refusesWhatWeDidNotAskFor(String encoding) {
    assertThat(BodyCollector.forEncoding(encoding, 10, 10)).isNull();
  }

  @Test
  void rawBodyOverTheCapStopsAtTheChunkThatCrossesIt() {
    try (BodyCollector body = BodyCollector.forEncoding(null, 10, 100)) {
      assertThat(body.accept(new byte[6])).isNull();
      Failure failure = body.accept(new byte[6]);

      assertThat(failure.code()).isEqualTo(FailureCode.BODY_TOO_LARGE);
      assertThat(body.body()).hasSize(6); // the crossing chunk was not kept
    }
  }

  @Test
  void decodedBodyNeverGrowsPastItsCap() throws Exception {
    byte[] bomb = gzip(new byte[4 << 20]);
    try (BodyCollector body = BodyCollector.forEncoding("gzip", 1 << 20, 64 << 10)) {
      Failure failure = null;
      for (int i = 0; i < bomb.length && failure == null; i += 1024) {
        failure = body.accept(Arrays.copyOfRange(bomb, i, Math.min(bomb.length, i + 1024)));
      }

      assertThat(failure).isNotNull();
      assertThat(failure.code()).isEqualTo(FailureCode.BODY_TOO_LARGE);
      assertThat(body.body().length).isLessThanOrEqualTo(64 << 10);
    }
  }

  @ParameterizedTest(name = "cut after {0} bytes -> {1}")
  @CsvSource({"0, ", "5, UNSUPPORTED_ENCODING", "20, UNSUPPORTED_ENCODING"})
  void truncatedGzipIsUnsupportedEncodingButEmptyIsEmpty(int keep, FailureCode expected)
      throws Exception {
    byte[] gz = gzip("Tin Lai Châu".getBytes(StandardCharsets.UTF_8));
    try (BodyCollector body = BodyCollector.forEncoding("gzip", 100, 100)) {
      Failure failure = body.accept(Arrays.copyOf(gz, keep));
      if (failure == null) {
        failure = body.finish();
      }
      assertThat(failure == null ? null : failure.code()).isEqualTo(expected);
    }
  }
}
