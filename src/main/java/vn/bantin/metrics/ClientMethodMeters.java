package vn.bantin.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpMethod;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsNaming;
import java.util.concurrent.atomic.LongAdder;

/**
 * The HTTP client request meters of one method, registered once, and those of each status code
 * the first time a response carries it ({@link ClientRequestMeters}). Names, help texts and tags
 * are Vert.x's ({@code vertx-micrometer-metrics} 5.0.7, {@code VertxHttpClientMetrics}).
 * Thread-safe; two threads creating the same code's meters get the same meters from the registry.
 */
final class ClientMethodMeters {
  final LongAdder active = new LongAdder();
  final Counter requests;
  final DistributionSummary requestBytes;
  private final Tags tags;
  private final MeterRegistry registry;
  private final MetricsNaming names;
  private final ByStatus<CodeMeters> byCode;
  private volatile CodeMeters noCode;

  /** @param names Vert.x's names with the HTTP client's base name ({@code vertx.http.client.}) */
  ClientMethodMeters(MeterRegistry registry, MetricsNaming names, HttpMethod method) {
    this.registry = registry;
    this.names = names;
    tags = Tags.of(Label.HTTP_METHOD.toString(), method.toString());
    byCode = new ByStatus<>(
        code -> newCodeMeters(tags.and(Label.HTTP_CODE.toString(), String.valueOf(code))));
    Gauge.builder(names.getHttpActiveRequests(), active, LongAdder::doubleValue)
        .description("Number of requests waiting for a response").tags(tags)
        .strongReference(true).register(registry);
    requests = Counter.builder(names.getHttpRequestsCount()).description("Number of requests sent")
        .tags(tags).register(registry);
    requestBytes = DistributionSummary.builder(names.getHttpRequestBytes())
        .description("Size of requests in bytes").tags(tags).register(registry);
  }

  /** The meters of responses with status {@code code}. */
  CodeMeters byCode(int code) {
    return byCode.get(code);
  }

  /**
   * The meters of a response ended without having begun: Vert.x then records it under the
   * method's tags alone, without a code.
   */
  CodeMeters noCode() {
    CodeMeters meters = noCode;
    if (meters == null) {
      meters = newCodeMeters(tags);
      noCode = meters;
    }
    return meters;
  }

  private CodeMeters newCodeMeters(Tags withCode) {
    return new CodeMeters(
        Counter.builder(names.getHttpResponsesCount())
            .description("Response count with codes").tags(withCode).register(registry),
        Timer.builder(names.getHttpResponseTime())
            .description("Response time").tags(withCode).register(registry),
        DistributionSummary.builder(names.getHttpResponseBytes())
            .description("Size of responses in bytes").tags(withCode).register(registry));
  }

  /** The meters of one method and one status code. */
  record CodeMeters(Counter responses, Timer responseTime, DistributionSummary responseBytes) {}
}
