package vn.bantin.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cheaper HTTP server request meters against Vert.x's own: the same requests to a server
 * built with each factory must give the same Prometheus exposition of every
 * {@code vertx_http_server_*} meter (names, help, types, tags, counts, bytes); only measured
 * durations may differ.
 */
class ServingMetricsFactoryTest {

  @Test
  void givesTheSameHttpServerMetersAsVertxOwn() throws Exception {
    String vertxOwn = serveAndScrape(MicrometerMetricsFactory::new);
    String serving = serveAndScrape(ServingMetricsFactory::new);
    assertThat(serving).isEqualTo(vertxOwn);
    // What the comparison covers, so that it cannot pass on two empty scrapes.
    assertThat(serving).contains(
        "vertx_http_server_requests_total{code=\"200\",method=\"GET\"} 3.0",
        "vertx_http_server_requests_total{code=\"304\",method=\"GET\"} 1.0",
        "vertx_http_server_requests_total{code=\"200\",method=\"HEAD\"} 1.0",
        "vertx_http_server_requests_total{code=\"201\",method=\"POST\"} 1.0",
        "vertx_http_server_requests_total{code=\"404\",method=\"GET\"} 1.0",
        "vertx_http_server_request_bytes_sum{method=\"POST\"} 11.0",
        "vertx_http_server_response_bytes_sum{code=\"200\",method=\"GET\"} 42.0",
        "vertx_http_server_response_time_seconds_count{code=\"200\",method=\"GET\"} 3",
        "vertx_http_server_active_requests{method=\"GET\"} 0.0",
        "# HELP vertx_http_server_requests_total Number of processed requests");
  }

  static Stream<Arguments> serverOptions() {
    Supplier<MicrometerMetricsOptions> defaults = () -> new MicrometerMetricsOptions()
        .setEnabled(true);
    return Stream.of(
        Arguments.of("Vert.x's default labels (bantin's)", defaults.get(), true),
        Arguments.of("path label", defaults.get().addLabels(Label.HTTP_PATH), false),
        Arguments.of("route label", defaults.get().addLabels(Label.HTTP_ROUTE), false),
        Arguments.of("remote address label", defaults.get().addLabels(Label.REMOTE), false),
        Arguments.of("local address label", defaults.get().addLabels(Label.LOCAL), false),
        Arguments.of("no status code label",
            defaults.get().setLabels(EnumSet.of(Label.HTTP_METHOD)), false),
        Arguments.of("custom request tags", defaults.get()
            .setServerRequestTagsProvider(r -> List.of(Tag.of("x", "y"))), false),
        Arguments.of("not Micrometer options", new MetricsOptions().setEnabled(true), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("serverOptions")
  void swapsServerMetersOnlyWhereItGivesExactlyVertxOwn(String name, MetricsOptions options,
      boolean swaps) {
    assertThat(ServingMetricsFactory.swapsServerMeters(options)).isEqualTo(swaps);
  }

  static Stream<Arguments> clientOptions() {
    Supplier<MicrometerMetricsOptions> defaults = () -> new MicrometerMetricsOptions()
        .setEnabled(true);
    return Stream.of(
        Arguments.of("Vert.x's default labels (bantin's)", defaults.get(), true),
        Arguments.of("route label (a server's only)", defaults.get().addLabels(Label.HTTP_ROUTE),
            true),
        Arguments.of("path label", defaults.get().addLabels(Label.HTTP_PATH), false),
        Arguments.of("remote address label", defaults.get().addLabels(Label.REMOTE), false),
        Arguments.of("local address label", defaults.get().addLabels(Label.LOCAL), false),
        Arguments.of("client name label", defaults.get().addLabels(Label.CLIENT_NAME), false),
        Arguments.of("no method label",
            defaults.get().setLabels(EnumSet.of(Label.HTTP_CODE)), false),
        Arguments.of("custom request tags", defaults.get()
            .setClientRequestTagsProvider(r -> List.of(Tag.of("x", "y"))), false),
        Arguments.of("not Micrometer options", new MetricsOptions().setEnabled(true), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clientOptions")
  void swapsClientMetersOnlyWhereItGivesExactlyVertxOwn(String name, MetricsOptions options,
      boolean swaps) {
    assertThat(ServingMetricsFactory.swapsClientMeters(options)).isEqualTo(swaps);
  }

  /** Serves a fixed script of requests with metrics from {@code factory}, then scrapes. */
  private static String serveAndScrape(
      java.util.function.Function<MeterRegistry, VertxMetricsFactory> factory) throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
            .setEnabled(true)))
        .withMetrics(factory.apply(registry))
        .build();
    try {
      Router router = Router.router(vertx);
      router.get("/feed").handler(ctx -> {
        if ("\"v1\"".equals(ctx.request().getHeader("If-None-Match"))) {
          ctx.response().setStatusCode(304).end();
        } else {
          ctx.response().putHeader("ETag", "\"v1\"").end("<rss>one</rss>");
        }
      });
      router.head("/feed").handler(ctx -> ctx.response().end());
      router.post("/items").handler(BodyHandler.create())
          .handler(ctx -> ctx.response().setStatusCode(201).end(ctx.body().asString()));
      HttpServer server = vertx.createHttpServer().requestHandler(router)
          .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
          .get(5, TimeUnit.SECONDS);
      String base = "http://127.0.0.1:" + server.actualPort();
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (HttpRequest request : List.of(
          get(base + "/feed").build(),
          get(base + "/feed").build(),
          get(base + "/feed").header("If-None-Match", "\"v1\"").build(),
          get(base + "/feed").method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
          get(base + "/items").POST(HttpRequest.BodyPublishers.ofString("hello items"))
              .build(),
          get(base + "/feed?limit=5").build(),
          get(base + "/missing").build())) {
        client.send(request, HttpResponse.BodyHandlers.ofString());
      }
      return Exposition.lines(registry, "vertx_http_server_");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
  }

  private static HttpRequest.Builder get(String uri) {
    return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(5));
  }
}
