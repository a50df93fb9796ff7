package vn.bantin.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.fetch.FetcherTest.assertFailed;

import java.net.InetAddress;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bantin.config.Settings;
import vn.bantin.model.FailureCode;

/** The address guard as a fetch sees it: refused before connecting, on every hop. */
class FetcherGuardTest extends FetcherTestBase {

  private final Settings.Fetch guarded = FetchSettings.defaults().guarded().build();

  @ParameterizedTest(name = "host {0}")
  @ValueSource(strings = {"127.0.0.1", "localhost", "2130706433", "127.1", "[::ffff:127.0.0.1]",
      "[::1]", "0.0.0.0"})
  void loopbackIsRefusedAndNeverContacted(String host) throws Exception {
    upstream.on("/feed", req -> req.response().end("<rss/>"));

    FetchResult result = get(fetcher(guarded), "http://" + host + ":" + upstream.port() + "/feed");

    assertFailed(result, FailureCode.ADDRESS_BLOCKED, null);
    assertThat(upstream.requests()).isEmpty();
  }

  @Test
  void everyRedirectHopIsChecked() throws Exception {
    // Let 127.0.0.1 pass as if it were public, so the first hop goes through; the redirect
    // target 127.0.0.2 must still be caught.
    Fetcher fetcher = new Fetcher(vertx, guarded, InstantSource.system(),
        a -> a.getHostAddress().equals("127.0.0.1"));
    upstream.on("/feed", req -> req.response().setStatusCode(302)
        .putHeader("Location", "http://127.0.0.2:" + upstream.port() + "/internal").end());

    try {
      FetchResult result = get(fetcher, upstream.url("/feed"));

      assertFailed(result, FailureCode.ADDRESS_BLOCKED, null);
      assertThat(upstream.requests()).hasSize(1);
    } finally {
      fetcher.close();
    }
  }

  @Test
  void checkedAddressIsDialledWhileHostHeaderKeepsTheName() throws Exception {
    Fetcher fetcher = new Fetcher(vertx, guarded, InstantSource.system(),
        InetAddress::isLoopbackAddress);
    upstream.on("/feed", req -> req.response().end(req.getHeader("Host")));

    try {
      FetchResult result = get(fetcher, "http://localhost:" + upstream.port() + "/feed");

      assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, f ->
          assertThat(new String(f.body())).isEqualTo("localhost:" + upstream.port()));
    } finally {
      fetcher.close();
    }
  }
}
