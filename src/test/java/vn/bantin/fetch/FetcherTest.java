package vn.bantin.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bantin.model.FailureCode;

/** Conditional GET, validators, statuses and failures of a single hop. */
class FetcherTest extends FetcherTestBase {

  private static final String FEED = "<rss version=\"2.0\"><channel><title>VOV</title></channel></rss>";

  @Test
  void okAnswerCarriesBodyValidatorsAndLifetime() throws Exception {
    upstream.on("/feed", req -> req.response()
        .putHeader("Content-Type", "application/rss+xml; charset=utf-8")
        .putHeader("ETag", "\"v1\"")
        .putHeader("Last-Modified", "Sun, 01 Jun 2025 07:00:00 GMT")
        .putHeader("Cache-Control", "public, max-age=600")
        .end(FEED));

    FetchResult result = get(fetcher(), upstream.url("/feed"));

    assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> {
      assertThat(new String(f.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
      assertThat(f.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
      assertThat(f.etag()).isEqualTo("\"v1\"");
      assertThat(f.lastModified()).isEqualTo("Sun, 01 Jun 2025 07:00:00 GMT");
      assertThat(f.maxAge()).isEqualTo(Duration.ofMinutes(10));
      assertThat(f.finalUrl()).isEqualTo(upstream.url("/feed"));
      assertThat(f.permanentUrl()).isNull();
    });
    HttpServerRequest seen = upstream.requests().get(0);
    assertThat(seen.getHeader("User-Agent")).isEqualTo("bantin-test/1.0");
    assertThat(seen.getHeader("Accept")).startsWith("application/rss+xml, application/atom+xml");
    assertThat(seen.getHeader("Accept-Encoding")).isEqualTo("gzip");
    assertThat(seen.getHeader("If-None-Match")).isNull();
    assertThat(seen.getHeader("If-Modified-Since")).isNull();
  }

  @Test
  void expiresMinusDateGivesTheLifetimeWithoutMaxAge() throws Exception {
    upstream.on("/feed", req -> req.response()
        .putHeader("Date", "Sun, 01 Jun 2025 07:00:00 GMT")
        .putHeader("Expires", "Sun, 01 Jun 2025 07:30:00 GMT")
        .end(FEED));

    FetchResult result = get(fetcher(), upstream.url("/feed"));

    assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class,
        f -> assertThat(f.maxAge()).isEqualTo(Duration.ofMinutes(30)));
  }

  @Test
  void conditionalGetSendsValidatorsAndMaps304ToNotModified() throws Exception {
    upstream.on("/feed", req -> {
      boolean current = "\"v1\"".equals(req.getHeader("If-None-Match"));
      req.response().setStatusCode(current ? 304 : 200)
          .putHeader("Cache-Control", "max-age=60").end(current ? "" : FEED);
    });

    FetchResult result = await(fetcher().fetch(new FetchRequest(upstream.url("/feed"), "\"v1\"",
        "Sun, 01 Jun 2025 07:00:00 GMT")));

    assertThat(result).isInstanceOfSatisfying(FetchResult.NotModified.class, n -> {
      assertThat(n.finalUrl()).isEqualTo(upstream.url("/feed"));
      assertThat(n.maxAge()).isEqualTo(Duration.ofSeconds(60));
      assertThat(n.permanentUrl()).isNull();
    });
    HttpServerRequest seen = upstream.requests().get(0);
    assertThat(seen.getHeader("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(seen.getHeader("If-Modified-Since")).isEqualTo("Sun, 01 Jun 2025 07:00:00 GMT");
  }

  @Test
  void validatorsOfOneFetchAreNotSentWithTheNext() throws Exception {
    upstream.on("/feed", req -> req.response().end(FEED));
    Fetcher fetcher = fetcher();

    await(fetcher.fetch(new FetchRequest(upstream.url("/feed"), "\"v1\"",
        "Sun, 01 Jun 2025 07:00:00 GMT")));
    await(fetcher.fetch(new FetchRequest(upstream.url("/feed"), null, null)));

    // The headers every request sends are one map shared by all; the validators must not leak
    // into it.
    HttpServerRequest second = upstream.requests().get(1);
    assertThat(second.getHeader("If-None-Match")).isNull();
    assertThat(second.getHeader("If-Modified-Since")).isNull();
    assertThat(second.getHeader("User-Agent")).isEqualTo("bantin-test/1.0");
  }

  @Test
  void tooManyRequestsCarriesRetryAfterSeconds() throws Exception {
    upstream.on("/feed", req -> req.response().setStatusCode(429)
        .putHeader("Retry-After", "120").end("slow down"));

    FetchResult result = get(fetcher(), upstream.url("/feed"));

    assertFailed(result, FailureCode.RATE_LIMITED, 429);
    assertThat(((FetchResult.Failed) result).retryAfter()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void tooManyRequestsCarriesRetryAfterDateMeasuredFromTheUpstreamDate() throws Exception {
    // The upstream's clock is a year off ours: only Date-to-Retry-After counts.
    upstream.on("/feed", req -> req.response().setStatusCode(429)
        .putHeader("Date", "Sat, 01 Jun 2024 08:00:00 GMT")
        .putHeader("Retry-After", "Sat, 01 Jun 2024 08:05:00 GMT").end());

    FetchResult result = get(fetcher(), upstream.url("/feed"));

    assertFailed(result, FailureCode.RATE_LIMITED, 429);
    assertThat(((FetchResult.Failed) result).retryAfter()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void unavailableIsRateLimited() throws Exception {
    upstream.on("/feed", req -> req.response().setStatusCode(503)
        .putHeader("Retry-After", "30").end());

    FetchResult result = get(fetcher(), upstream.url("/feed"));

    assertFailed(result, FailureCode.RATE_LIMITED, 503);
    assertThat(((FetchResult.Failed) result).retryAfter()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void goneIsGone() throws Exception {
    upstream.on("/feed", req -> req.response().setStatusCode(410).end("removed"));

    assertFailed(get(fetcher(), upstream.url("/feed")), FailureCode.GONE, 410);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {204, 403, 404, 500, 502})
  void otherStatusesAreHttpStatusFailures(int status) throws Exception {
    upstream.on("/feed", req -> req.response().setStatusCode(status).end());

    FetchResult result = get(fetcher(), upstream.url("/feed"));

    assertFailed(result, FailureCode.HTTP_STATUS, status);
    assertThat(((FetchResult.Failed) result).failure().message()).isEqualTo("HTTP " + status);
  }

  @ParameterizedTest(name = "Content-Encoding: {0}")
  @ValueSource(strings = {"br", "deflate", "compress", "zstd"})
  void unaskedContentEncodingIsUnsupported(String encoding) throws Exception {
    upstream.on("/feed", req -> req.response().putHeader("Content-Encoding", encoding)
        .end("\u0000\u0001 not text"));

    assertFailed(get(fetcher(), upstream.url("/feed")), FailureCode.UNSUPPORTED_ENCODING, 200);
  }

  @Test
  void identityEncodingIsTheRawBody() throws Exception {
    upstream.on("/feed", req -> req.response().putHeader("Content-Encoding", "identity")
        .end(FEED));

    assertThat(get(fetcher(), upstream.url("/feed"))).isInstanceOfSatisfying(
        FetchResult.Fetched.class, f -> assertThat(f.body()).isEqualTo(FEED.getBytes()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ftp://example.com/feed", "not a url", "http://", "file:///etc/passwd",
      "http://example.com:99999/"})
  void badUrlsAreRefusedWithoutAnyRequest(String url) throws Exception {
    assertFailed(get(fetcher(), url), FailureCode.BAD_URL, null);
    assertThat(upstream.requests()).isEmpty();
  }

  @Test
  void refusedConnectionIsConnectFailed() throws Exception {
    Upstream gone = new Upstream(vertx);
    String url = gone.url("/feed");
    gone.close();

    assertFailed(get(fetcher(), url), FailureCode.CONNECT_FAILED, null);
  }

  @Test
  void ipv6LiteralHostIsDialledAndSentBracketed() throws Exception {
    HttpServer v6;
    try {
      v6 = vertx.createHttpServer().requestHandler(req -> req.response().end(req.getHeader("Host")))
          .listen(0, "::1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Assumptions.abort("no IPv6 loopback here: " + e.getCause());
      return;
    }
    try {
      String authority = "[::1]:" + v6.actualPort();

      FetchResult result = get(fetcher(), "http://" + authority + "/feed");

      assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class,
          f -> assertThat(new String(f.body())).isEqualTo(authority)); // RFC 9110 §7.2
    } finally {
      v6.close();
    }
  }

  static void assertFailed(FetchResult result, FailureCode code, Integer status) {
    assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.failure().code()).as(f.failure().message()).isEqualTo(code);
      assertThat(f.status()).isEqualTo(status);
    });
  }
}
