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
 * The HTTP server request meters of one method, registered once, and those of each status code
 * the first time it is answered ({@link HttpServerMeters}). Names, help texts and tags are
 * Vert.x's ({@code vertx-micrometer-metrics} 5.0.7, {@code VertxHttpServerMetrics}). Thread-safe;
 * two threads creating the same code's meters get the same meters from the registry.
 */
final class MethodMeters {
  final Tags tags;
  final LongAdder active = new LongAdder();
  final DistributionSummary requestBytes;
  private final MeterRegistry registry;
  private final MetricsNaming names;
  private final ByStatus<CodeMeters> byCode = new ByStatus<>(this::newCodeMeters);

  MethodMeters(MeterRegistry registry, MetricsNaming names, HttpMethod method) {
    this.registry = registry;
    this.names = names;
    tags = Tags.of(Label.HTTP_METHOD.toString(), method.toString());
    Gauge.builder(names.getHttpActiveRequests(), active, LongAdder::doubleValue)
        .description("Number of requests being processed").tags(tags).strongReference(true)
        .register(registry);
    requestBytes = DistributionSummary.builder(names.getHttpRequestBytes())
        .description("Size of requests in bytes").tags(tags).register(registry);
  }

  /** Counts a reset; looked up when it happens, as Vert.x does (it appears at the first). */
  void reset() {
    Counter.builder(names.getHttpRequestResetsCount()).description("Number of request resets")
        .tags(tags).register(registry).increment();
  }

  CodeMeters byCode(int code) {
    return byCode.get(code);
  }

  private CodeMeters newCodeMeters(int code) {
    Tags withCode = tags.and(Label.HTTP_CODE.toString(), String.valueOf(code));
    return new CodeMeters(
        Counter.builder(names.getHttpRequestsCount())
            .description("Number of processed requests").tags(withCode).register(registry),
        Timer.builder(names.getHttpResponseTime())
            .description("Request processing time").tags(withCode).register(registry),
        DistributionSummary.builder(names.getHttpResponseBytes())
            .description("Size of responses in bytes").tags(withCode).register(registry));
  }

  /** The meters of one method and one status code. */
  record CodeMeters(Counter requests, Timer responseTime, DistributionSummary responseBytes) {}
}
