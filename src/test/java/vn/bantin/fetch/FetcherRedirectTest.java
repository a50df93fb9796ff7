package vn.bantin.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.fetch.FetcherTest.assertFailed;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bantin.model.FailureCode;

/** Redirects followed by hand: the hop limit, loops, schemes and the permanent URL. */
class FetcherRedirectTest extends FetcherTestBase {

  private static Handler<HttpServerRequest> redirect(int status, String location) {
    return req -> req.response().setStatusCode(status).putHeader("Location", location).end();
  }

  private static Handler<HttpServerRequest> feed() {
    return req -> req.response().putHeader("Content-Type", "application/rss+xml").end("<rss/>");
  }

  /** /r/n redirects to /r/n-1 and /r/0 is the feed: /r/n is a chain of n redirects. */
  private void chainOf(int length) {
    for (int n = length; n > 0; n--) {
      upstream.on("/r/" + n, redirect(302, "/r/" + (n - 1)));
    }
    upstream.on("/r/0", feed());
  }

  @Test
  void chainOfFiveRedirectsIsFollowed() throws Exception {
    chainOf(5);

    FetchResult result = get(fetcher(), upstream.url("/r/5"));

    assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> {
      assertThat(f.finalUrl()).isEqualTo(upstream.url("/r/0"));
      assertThat(f.permanentUrl()).isNull();
    });
    assertThat(upstream.requests()).hasSize(6);
  }

  @Test
  void sixthRedirectIsRefused() throws Exception {
    chainOf(6);

    assertFailed(get(fetcher(), upstream.url("/r/6")), FailureCode.TOO_MANY_REDIRECTS, 302);
    assertThat(upstream.requests()).hasSize(6); // /r/0 is never asked for
  }

  @Test
  void redirectWithAHugeBodyIsCutAndFollowed() throws Exception {
    upstream.on("/old", req -> req.response().setStatusCode(302).putHeader("Location", "/new")
        .end(Buffer.buffer(new byte[1 << 20])));
    upstream.on("/new", feed());

    FetchResult result = get(fetcher(), upstream.url("/old"));

    assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class,
        f -> assertThat(f.finalUrl()).isEqualTo(upstream.url("/new")));
  }

  @Test
  void redirectLoopIsRefused() throws Exception {
    upstream.on("/a", redirect(302, "/b")).on("/b", redirect(307, "/a"));

    FetchResult result = get(fetcher(), upstream.url("/a"));

    assertFailed(result, FailureCode.TOO_MANY_REDIRECTS, 307);
    assertThat(((FetchResult.Failed) result).failure().message()).contains("loop");
    assertThat(upstream.requests()).hasSize(2);
  }

  @Test
  void permanentUrlStopsAtTheFirstTemporaryRedirect() throws Exception {
    upstream.on("/old", redirect(301, "/moved"))
        .on("/moved", redirect(302, "/today"))
        .on("/today", feed());

    FetchResult result = get(fetcher(), upstream.url("/old"));

    assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> {
      assertThat(f.permanentUrl()).isEqualTo(upstream.url("/moved"));
      assertThat(f.finalUrl()).isEqualTo(upstream.url("/today"));
    });
  }

  @Test
  void chainOfPermanentRedirectsLeadsToTheFinalUrl() throws Exception {
    upstream.on("/v1", redirect(301, "/v2"))
        .on("/v2", redirect(308, upstream.url("/v3")))
        .on("/v3", feed());

    FetchResult result = get(fetcher(), upstream.url("/v1"));

    assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> {
      assertThat(f.permanentUrl()).isEqualTo(upstream.url("/v3"));
      assertThat(f.finalUrl()).isEqualTo(upstream.url("/v3"));
    });
  }

  @Test
  void temporaryThenPermanentIsNoPermanentUrl() throws Exception {
    upstream.on("/a", redirect(307, "/b")).on("/b", redirect(301, "/c")).on("/c", feed());

    FetchResult result = get(fetcher(), upstream.url("/a"));

    assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class,
        f -> assertThat(f.permanentUrl()).isNull());
  }

  @Test
  void permanentUrlIsReportedWithAFailureToo() throws Exception {
    upstream.on("/old", redirect(301, "/new")).on("/new", req -> req.response()
        .setStatusCode(410).end());

    FetchResult result = get(fetcher(), upstream.url("/old"));

    assertFailed(result, FailureCode.GONE, 410);
    assertThat(result.permanentUrl()).isEqualTo(upstream.url("/new"));
  }

  @Test
  void relativeLocationIsResolvedAgainstTheCurrentUrl() throws Exception {
    upstream.on("/tin/chinh-tri/index.rss", redirect(303, "../feed.xml?page=1#top"))
        .on("/tin/feed.xml", req -> req.response().end(req.query()));

    FetchResult result = get(fetcher(), upstream.url("/tin/chinh-tri/index.rss"));

    assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> {
      assertThat(f.finalUrl()).isEqualTo(upstream.url("/tin/feed.xml?page=1"));
      assertThat(new String(f.body())).isEqualTo("page=1");
    });
  }

  @ParameterizedTest(name = "Location: {0}")
  @ValueSource(strings = {"ftp://example.com/feed.xml", "file:///etc/passwd",
      "javascript:alert(1)"})
  void redirectToAnotherSchemeIsRefused(String location) throws Exception {
    upstream.on("/feed", redirect(302, location));

    assertFailed(get(fetcher(), upstream.url("/feed")), FailureCode.BAD_REDIRECT, 302);
  }

  @Test
  void redirectWithoutLocationIsRefused() throws Exception {
    upstream.on("/feed", req -> req.response().setStatusCode(301).end());

    assertFailed(get(fetcher(), upstream.url("/feed")), FailureCode.BAD_REDIRECT, 301);
  }
}
