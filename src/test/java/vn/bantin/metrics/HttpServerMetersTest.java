package vn.bantin.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import io.vertx.micrometer.MetricsNaming;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.lang.reflect.Proxy;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Test;

/** The active-request bookkeeping Vert.x's own meters keep, request by request. */
class HttpServerMetersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  /** Vert.x's default names, as bantin's options use them. */
  private final MetricsNaming names =
      new MicrometerMetricsOptions().getMetricsNaming().withBaseName("vertx.http.server.");
  private final ConcurrentMap<HttpMethod, MethodMeters> byMethod = new ConcurrentHashMap<>();
  private final HttpServerMeters meters =
      new HttpServerMeters(new HttpServerMetrics<>() { }, registry, names, byMethod);

  @Test
  void serversSharingTheMetersCountTheirActiveRequestsInOneGauge() {
    // Bantin runs one server per core; each gets metrics of its own from Vert.x.
    HttpServerMeters other =
        new HttpServerMeters(new HttpServerMetrics<>() { }, registry, names, byMethod);
    HttpServerMeters.Request first = meters.requestBegin(null, get());
    HttpServerMeters.Request second = other.requestBegin(null, get());
    assertThat(active()).isEqualTo(2);
    other.requestEnd(second, get(), 0);
    other.responseEnd(second, status(200), 0);
    assertThat(active()).isEqualTo(1);
    meters.requestEnd(first, get(), 0);
    meters.responseEnd(first, status(200), 0);
    assertThat(active()).isZero();
    assertThat(registry.get(names.getHttpRequestsCount()).tag("code", "200").counter().count())
        .isEqualTo(2);
  }

  @Test
  void aRequestIsActiveUntilBothItAndItsResponseHaveEnded() {
    HttpServerMeters.Request request = meters.requestBegin(null, get());
    assertThat(active()).isEqualTo(1);
    meters.requestEnd(request, get(), 0);
    assertThat(active()).as("the response is still being written").isEqualTo(1);
    meters.responseEnd(request, status(304), 0);
    assertThat(active()).isZero();
    assertThat(registry.get(names.getHttpRequestsCount()).tag("code", "304").counter().count())
        .isEqualTo(1);
  }

  @Test
  void aResetRequestCountsOnceAndLeavesTheActiveCountAtZero() {
    HttpServerMeters.Request request = meters.requestBegin(null, get());
    assertThat(registry.find(names.getHttpRequestResetsCount()).counter())
        .as("created at the first reset, as Vert.x does").isNull();
    meters.requestReset(request);
    meters.requestEnd(request, get(), 0);
    meters.responseEnd(request, status(200), 10);
    assertThat(active()).isZero();
    assertThat(registry.get(names.getHttpRequestResetsCount()).tag("method", "GET").counter()
        .count()).isEqualTo(1);
  }

  private double active() {
    return registry.get(names.getHttpActiveRequests()).tag("method", "GET").gauge()
        .value();
  }

  private static HttpRequest get() {
    return (HttpRequest) Proxy.newProxyInstance(HttpServerMetersTest.class.getClassLoader(),
        new Class<?>[] {HttpRequest.class}, (proxy, method, args) -> switch (method.getName()) {
          case "method" -> HttpMethod.GET;
          case "uri" -> "/feeds/thoi-su.rss";
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static HttpResponse status(int code) {
    return (HttpResponse) Proxy.newProxyInstance(HttpServerMetersTest.class.getClassLoader(),
        new Class<?>[] {HttpResponse.class}, (proxy, method, args) -> switch (method.getName()) {
          case "statusCode" -> code;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
