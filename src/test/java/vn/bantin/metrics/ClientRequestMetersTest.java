package vn.bantin.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import io.vertx.micrometer.MetricsNaming;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** The active-request bookkeeping Vert.x's own client meters keep, request by request. */
class ClientRequestMetersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  /** Vert.x's default names, as bantin's options use them. */
  private final MetricsNaming names =
      new MicrometerMetricsOptions().getMetricsNaming().withBaseName("vertx.http.client.");
  private final ClientRequestMeters meters = new ClientRequestMeters(registry, names);

  @Test
  void aRequestIsActiveUntilBothItAndItsResponseHaveEnded() {
    ClientRequestMeters.Request request = meters.requestBegin("/feed.rss", get());
    assertThat(active()).isEqualTo(1);
    meters.responseBegin(request, status(304));
    meters.responseEnd(request, 0);
    assertThat(active()).as("the request is still being written").isEqualTo(1);
    meters.requestEnd(request, 120);
    assertThat(active()).isZero();
    assertThat(registry.get(names.getHttpResponsesCount()).tag("code", "304").counter().count())
        .isEqualTo(1);
    assertThat(registry.get(names.getHttpRequestBytes()).summary().totalAmount()).isEqualTo(120);
  }

  @Test
  void aResetRequestLeavesTheActiveCountAtOnceAndOnlyOnce() {
    ClientRequestMeters.Request request = meters.requestBegin("/feed.rss", get());
    meters.requestReset(request);
    assertThat(active()).isZero();
    meters.requestEnd(request, 0);
    meters.responseBegin(request, status(200));
    meters.responseEnd(request, 10);
    assertThat(active()).isZero();
    assertThat(registry.get(names.getHttpResponsesCount()).tag("code", "200").counter().count())
        .as("Vert.x still counts the response").isEqualTo(1);
  }

  @Test
  void aResponseEndedWithoutBeginningIsCountedWithoutACode() {
    ClientRequestMeters.Request request = meters.requestBegin("/feed.rss", get());
    meters.requestEnd(request, 0);
    meters.responseEnd(request, 0);
    assertThat(registry.get(names.getHttpResponsesCount()).counter().getId().getTags())
        .extracting(t -> t.getKey()).containsExactly("method");
    assertThat(active()).isZero();
  }

  @Test
  void statusCodesOutsideThreeDigitsGetTheirOwnMeters() {
    for (int code : new int[] {200, 1000, 200}) {
      ClientRequestMeters.Request request = meters.requestBegin("/feed.rss", get());
      meters.requestEnd(request, 0);
      meters.responseBegin(request, status(code));
      meters.responseEnd(request, 0);
    }
    assertThat(registry.get(names.getHttpResponsesCount()).tag("code", "200").counter().count())
        .isEqualTo(2);
    assertThat(registry.get(names.getHttpResponsesCount()).tag("code", "1000").counter().count())
        .isEqualTo(1);
  }

  private double active() {
    return registry.get(names.getHttpActiveRequests()).tag("method", "GET").gauge().value();
  }

  private static HttpRequest get() {
    return (HttpRequest) Proxy.newProxyInstance(ClientRequestMetersTest.class.getClassLoader(),
        new Class<?>[] {HttpRequest.class}, (proxy, method, args) -> switch (method.getName()) {
          case "method" -> HttpMethod.GET;
          case "uri" -> "/feed.rss";
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static HttpResponse status(int code) {
    return (HttpResponse) Proxy.newProxyInstance(ClientRequestMetersTest.class.getClassLoader(),
        new Class<?>[] {HttpResponse.class}, (proxy, method, args) -> switch (method.getName()) {
          case "statusCode" -> code;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
