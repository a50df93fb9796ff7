package vn.bantin.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The cheaper HTTP client request meters against Vert.x's own: the same requests from a client
 * built with each factory must give the same Prometheus exposition of every
 * {@code vertx_http_client_*} meter (names, help, types, tags, counts, bytes, and the
 * connection meters Vert.x keeps); only measured durations may differ.
 */
class HttpClientMetersTest {

  @Test
  void givesTheSameHttpClientMetersAsVertxOwn() throws Exception {
    String vertxOwn = fetchAndScrape(MicrometerMetricsFactory::new);
    String serving = fetchAndScrape(ServingMetricsFactory::new);
    assertThat(serving).isEqualTo(vertxOwn);
    // What the comparison covers, so that it cannot pass on two empty scrapes.
    assertThat(serving).contains(
        "vertx_http_client_requests_total{method=\"GET\"} 5.0",
        "vertx_http_client_requests_total{method=\"POST\"} 1.0",
        "vertx_http_client_responses_total{code=\"200\",method=\"GET\"} 3.0",
        "vertx_http_client_responses_total{code=\"304\",method=\"GET\"} 1.0",
        "vertx_http_client_responses_total{code=\"404\",method=\"GET\"} 1.0",
        "vertx_http_client_responses_total{code=\"200\",method=\"HEAD\"} 1.0",
        "vertx_http_client_responses_total{code=\"201\",method=\"POST\"} 1.0",
        "vertx_http_client_request_bytes_sum{method=\"POST\"} 11.0",
        "vertx_http_client_response_bytes_sum{code=\"201\",method=\"POST\"} 11.0",
        "vertx_http_client_response_time_seconds_count{code=\"200\",method=\"GET\"} 3",
        "vertx_http_client_active_requests{method=\"GET\"} 0.0",
        "vertx_http_client_active_connections 1.0",
        "# HELP vertx_http_client_requests_total Number of requests sent",
        "# HELP vertx_http_client_active_requests Number of requests waiting for a response");
  }

  /** Sends a fixed script of requests with metrics from {@code factory}, then scrapes. */
  private static String fetchAndScrape(Function<MeterRegistry, VertxMetricsFactory> factory)
      throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
            .setEnabled(true)))
        .withMetrics(factory.apply(registry))
        .build();
    try {
      HttpServer server = vertx.createHttpServer().requestHandler(request -> {
        if (request.path().equals("/missing")) {
          request.response().setStatusCode(404).end();
        } else if (request.method() == HttpMethod.POST) {
          request.body().onSuccess(body -> request.response().setStatusCode(201).end(body));
        } else if ("\"v1\"".equals(request.getHeader("If-None-Match"))) {
          request.response().setStatusCode(304).end();
        } else {
          request.response().putHeader("ETag", "\"v1\"").end("<rss>one</rss>");
        }
      }).listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
      // One connection, so that the connection meters (Vert.x's in both) do not depend on
      // whether a request started before the previous one's connection went back to the pool.
      HttpClient client = vertx.createHttpClient(new PoolOptions().setHttp1MaxSize(1));
      int port = server.actualPort();
      send(client, port, HttpMethod.GET, "/feed", null, null);
      send(client, port, HttpMethod.GET, "/feed", null, null);
      send(client, port, HttpMethod.GET, "/feed", "\"v1\"", null);
      send(client, port, HttpMethod.HEAD, "/feed", null, null);
      send(client, port, HttpMethod.POST, "/items", null, "hello items");
      send(client, port, HttpMethod.GET, "/feed?limit=5", null, null);
      send(client, port, HttpMethod.GET, "/missing", null, null);
      return Exposition.lines(registry, "vertx_http_client_");
    } finally {
      vertx.close().await(5, TimeUnit.SECONDS);
    }
  }

  private static void send(HttpClient client, int port, HttpMethod method, String uri,
      String ifNoneMatch, String body) throws Exception {
    client.request(method, port, "127.0.0.1", uri).compose(request -> {
      if (ifNoneMatch != null) {
        request.putHeader("If-None-Match", ifNoneMatch);
      }
      Future<HttpClientResponse> sent =
          body == null ? request.send() : request.send(Buffer.buffer(body));
      return sent.compose(HttpClientResponse::body);
    }).await(5, TimeUnit.SECONDS);
  }
}
