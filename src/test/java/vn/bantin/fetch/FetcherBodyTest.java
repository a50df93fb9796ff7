package vn.bantin.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.fetch.FetcherTest.assertFailed;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bantin.model.FailureCode;

/** Gzip, the body caps and the absolute deadline. */
class FetcherBodyTest extends FetcherTestBase {

  private static final String FEED = "<rss version=\"2.0\"><channel><title>Báo Lai Châu</title>"
      + "</channel></rss>";

  @ParameterizedTest(name = "Content-Encoding: {0}")
  @ValueSource(strings = {"gzip", "x-gzip", "GZIP"})
  void gzipBodyIsDecoded(String encoding) throws Exception {
    byte[] gzipped = gzip(FEED.getBytes(StandardCharsets.UTF_8));
    upstream.on("/feed", req -> req.response().putHeader("Content-Encoding", encoding)
        .end(Buffer.buffer(gzipped)));

    FetchResult result = get(fetcher(), upstream.url("/feed"));

    assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class,
        f -> assertThat(new String(f.body(), StandardCharsets.UTF_8)).isEqualTo(FEED));
  }

  @Test
  void gzipBombIsCutAtTheDecodedCap() throws Exception {
    byte[] bomb = gzip(new byte[16 << 20]); // 16 MiB of zeros, about 16 KiB on the wire
    upstream.on("/feed", req -> req.response().putHeader("Content-Encoding", "gzip")
        .end(Buffer.buffer(bomb)));
    var settings = FetchSettings.defaults().maxBodyBytes(1 << 20).maxDecodedBytes(256 << 10);

    FetchResult result = get(fetcher(settings.build()), upstream.url("/feed"));

    assertFailed(result, FailureCode.BODY_TOO_LARGE, 200);
    assertThat(((FetchResult.Failed) result).failure().message()).contains("decoded");
  }

  @Test
  void corruptGzipIsUnsupportedEncoding() throws Exception {
    byte[] gzipped = gzip(FEED.getBytes(StandardCharsets.UTF_8));
    gzipped[gzipped.length - 5] ^= 0x55; // inside the CRC-32
    upstream.on("/feed", req -> req.response().putHeader("Content-Encoding", "gzip")
        .end(Buffer.buffer(gzipped)));

    assertFailed(get(fetcher(), upstream.url("/feed")), FailureCode.UNSUPPORTED_ENCODING, 200);
  }

  @Test
  void declaredContentLengthOverTheCapIsRefusedBeforeReading() throws Exception {
    upstream.on("/feed", req -> {
      HttpServerResponse response = req.response().putHeader("Content-Length", "50000000");
      response.write("<rss>"); // and then nothing: only the header can end this quickly
    });
    var settings = FetchSettings.defaults().maxBodyBytes(1 << 20).deadline(Duration.ofSeconds(5));

    long start = System.nanoTime();
    FetchResult result = get(fetcher(settings.build()), upstream.url("/feed"));

    assertFailed(result, FailureCode.BODY_TOO_LARGE, 200);
    assertThat(((FetchResult.Failed) result).failure().message()).contains("Content-Length");
    assertThat(millisSince(start)).isLessThan(2000);
    upstream.awaitClosedEarly();
  }

  @Test
  void endlessChunkedBodyIsCutAtTheRawCap() throws Exception {
    upstream.on("/feed", req -> {
      HttpServerResponse response = req.response().setChunked(true);
      Buffer chunk = Buffer.buffer(new byte[8192]);
      Runnable[] pump = new Runnable[1];
      pump[0] = () -> {
        while (!response.closed() && !response.writeQueueFull()) {
          response.write(chunk);
        }
        if (!response.closed()) {
          response.drainHandler(v -> pump[0].run());
        }
      };
      pump[0].run();
    });
    var settings = FetchSettings.defaults().maxBodyBytes(64 << 10).deadline(Duration.ofSeconds(5));

    long start = System.nanoTime();
    FetchResult result = get(fetcher(settings.build()), upstream.url("/feed"));

    assertFailed(result, FailureCode.BODY_TOO_LARGE, 200);
    assertThat(millisSince(start)).isLessThan(2000);
    upstream.awaitClosedEarly(); // the client hung up instead of reading on
  }

  @Test
  void bodyThatDripsEndsAtTheDeadline() throws Exception {
    upstream.on("/feed", req -> {
      HttpServerResponse response = req.response().setChunked(true);
      response.write("<");
      vertx.setPeriodic(50, id -> {
        if (response.closed()) {
          vertx.cancelTimer(id);
        } else {
          response.write("r");
        }
      });
    });
    var settings = FetchSettings.defaults().deadline(Duration.ofMillis(500));

    long start = System.nanoTime();
    FetchResult result = get(fetcher(settings.build()), upstream.url("/feed"));

    assertFailed(result, FailureCode.TIMEOUT, 200); // the status had come, the body had not
    // Without the deadline the drip never ends; the upper bound leaves room for a loaded machine.
    assertThat(millisSince(start)).isBetween(450L, 4000L);
    upstream.awaitClosedEarly();
  }

  @Test
  void headersThatNeverComeEndAtTheDeadline() throws Exception {
    upstream.on("/feed", req -> { /* never answers */ });
    var settings = FetchSettings.defaults().deadline(Duration.ofMillis(500));

    long start = System.nanoTime();
    FetchResult result = get(fetcher(settings.build()), upstream.url("/feed"));

    assertFailed(result, FailureCode.TIMEOUT, null);
    assertThat(millisSince(start)).isBetween(450L, 4000L);
    upstream.awaitClosedEarly();
  }

  static byte[] gzip(byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
