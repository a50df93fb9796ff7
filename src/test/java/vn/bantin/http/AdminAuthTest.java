package vn.bantin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AdminAuth in front of a trivial handler, over loopback HTTP, with the throttle's clock fixed. */
class AdminAuthTest {
  private static final String TOKEN = "s3cret-admin-token";

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-24T08:00:00Z"));
  private final InstantSource clock = () -> now.get();
  private final HttpClient client = HttpClient.newHttpClient();
  private final AdminAuth auth = new AdminAuth(TOKEN, new FailureThrottle(clock));
  private Vertx vertx;
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.route("/admin/api/*").handler(auth);
    router.get("/admin/api/ping").handler(ctx -> ctx.response().end("pong"));
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private HttpResponse<String> ping(String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.actualPort() + "/admin/api/ping"));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theRightTokenPassesAndAWrongOneGets401WithAChallenge() throws Exception {
    assertThat(ping("Bearer " + TOKEN).body()).isEqualTo("pong");
    assertThat(ping("bearer " + TOKEN).statusCode()).as("scheme is case-insensitive")
        .isEqualTo(200);
    HttpResponse<String> wrong = ping("Bearer nope");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"bantin\", error=\"invalid_token\"");
    assertThat(ping(null).headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"bantin\"");
  }

  @Test
  void afterFiveWrongTokensEvenTheRightOneWaitsUntilTheWindowFrees() throws Exception {
    for (int i = 0; i < FailureThrottle.MAX_FAILURES; i++) {
      assertThat(ping("Bearer guess-" + i).statusCode()).isEqualTo(401);
    }
    now.updateAndGet(t -> t.plusSeconds(15));
    HttpResponse<String> refused = ping("Bearer " + TOKEN);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("45");
    assertThat(refused.body()).contains("\"error\":\"too_many_failures\"");
    now.updateAndGet(t -> t.plusSeconds(45));
    assertThat(ping("Bearer " + TOKEN).statusCode()).isEqualTo(200);
  }

  @Test
  void successesAndRequestsWithoutCredentialsDoNotCount() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertThat(ping("Bearer " + TOKEN).statusCode()).isEqualTo(200);
      assertThat(ping(null).statusCode()).isEqualTo(401);
    }
    for (int i = 0; i < FailureThrottle.MAX_FAILURES - 1; i++) {
      ping("Bearer guess-" + i);
    }
    assertThat(ping("Bearer " + TOKEN).statusCode()).isEqualTo(200);
  }

  @Test
  void theAuditActorNamesTheTokenWithoutRevealingIt() throws Exception {
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(TOKEN.getBytes(StandardCharsets.UTF_8)));
    assertThat(auth.actor()).isEqualTo("token:" + sha.substring(0, 8))
        .doesNotContain(TOKEN);
  }

}
