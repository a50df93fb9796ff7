package vn.bantin.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.bantin.model.FailureCode;

/**
 * Where a fetch's result is heard: on the caller's context, whether the caller is on the
 * fetcher's own event loop (the scheduler polls there, admitted without a task queued) or on
 * another one.
 */
class FetcherContextTest extends FetcherTestBase {

  private record Heard(FetchResult result, Context context) {}

  @Test
  void aFetchStartedOnTheFetchersContextIsHeardThere() throws Exception {
    upstream.on("/feed", req -> req.response().setStatusCode(304).end());
    Fetcher fetcher = fetcher();

    Heard heard = fetchOn(fetcher.context(), fetcher, "\"v1\"");

    assertThat(heard.result()).isInstanceOf(FetchResult.NotModified.class);
    assertThat(heard.context()).isSameAs(fetcher.context());
    assertThat(upstream.requests().get(0).getHeader("If-None-Match")).isEqualTo("\"v1\"");
  }

  @Test
  void aFetchStartedOnAnotherContextIsHeardOnThatOne() throws Exception {
    upstream.on("/feed", req -> req.response().setStatusCode(304).end());
    Fetcher fetcher = fetcher();
    Context other = vertx.getOrCreateContext();

    Heard heard = fetchOn(other, fetcher, "\"v2\"");

    assertThat(other).isNotSameAs(fetcher.context());
    assertThat(heard.result()).isInstanceOf(FetchResult.NotModified.class);
    assertThat(heard.context()).isSameAs(other);
  }

  @Test
  void aBadUrlOnTheFetchersContextFailsAtOnceWithoutARequest() throws Exception {
    Fetcher fetcher = fetcher();
    CompletableFuture<FetchResult> heard = new CompletableFuture<>();

    fetcher.context().runOnContext(v -> fetcher.fetch(new FetchRequest("ftp://example.com/",
        null, null)).onComplete(done -> heard.complete(done.result())));

    FetcherTest.assertFailed(heard.get(5, TimeUnit.SECONDS),
        FailureCode.BAD_URL, null);
    assertThat(upstream.requests()).isEmpty();
  }

  private Heard fetchOn(Context context, Fetcher fetcher, String etag) throws Exception {
    CompletableFuture<Heard> heard = new CompletableFuture<>();
    context.runOnContext(v -> fetcher.fetch(new FetchRequest(upstream.url("/feed"), etag, null))
        .onComplete(done -> heard.complete(new Heard(done.result(), Vertx.currentContext()))));
    return heard.get(5, TimeUnit.SECONDS);
  }
}
