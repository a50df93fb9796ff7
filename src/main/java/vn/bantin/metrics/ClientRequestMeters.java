package vn.bantin.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.spi.metrics.ClientMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import io.vertx.micrometer.MetricsNaming;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Vert.x's HTTP client request meters (active requests, requests sent, request and response
 * bytes, responses by status, response time) with the meters looked up once per method and
 * status, not once per request. Vert.x's own implementation builds {@code Tags} and asks the
 * registry for five meters and a gauge on every request: 13% of the fetcher's event loop in an
 * unchanged poll cycle. Same names, descriptions, tags and values; only for labels that make
 * these meters independent of the client and the endpoint ({@code method}, {@code code}), see
 * {@link ServingMetricsFactory}. So one instance serves every client and endpoint of a Vert.x
 * instance, as the registry would share their meters anyway.
 *
 * <p>Any event-loop thread may call it; meters are created at most once per key (a race only
 * makes the registry return the meter already registered).
 */
final class ClientRequestMeters
    implements ClientMetrics<ClientRequestMeters.Request, HttpRequest, HttpResponse> {
  private final MeterRegistry registry;
  private final MetricsNaming names;
  private final ConcurrentMap<HttpMethod, ClientMethodMeters> byMethod =
      new ConcurrentHashMap<>();

  /** @param names Vert.x's names with the HTTP client's base name ({@code vertx.http.client.}) */
  ClientRequestMeters(MeterRegistry registry, MetricsNaming names) {
    this.registry = registry;
    this.names = names;
  }

  @Override
  public Request requestBegin(String uri, HttpRequest request) {
    ClientMethodMeters meters = byMethod.get(request.method());
    if (meters == null) {
      meters = byMethod.computeIfAbsent(request.method(),
          method -> new ClientMethodMeters(registry, names, method));
    }
    meters.active.increment();
    meters.requests.increment();
    // Clock.SYSTEM, as Vert.x's Timer.start() uses.
    return new Request(meters, Clock.SYSTEM.monotonicTime());
  }

  @Override
  public void requestEnd(Request request, long bytesWritten) {
    request.meters.requestBytes.record(bytesWritten);
    if (request.requestEnded()) {
      request.meters.active.decrement();
    }
  }

  // As Vert.x: the active count drops at once, whatever ends afterwards.
  @Override
  public void requestReset(Request request) {
    request.meters.active.decrement();
    request.reset();
  }

  @Override
  public void responseBegin(Request request, HttpResponse response) {
    request.code = response.statusCode();
  }

  @Override
  public void responseEnd(Request request, long bytesRead) {
    if (request.responseEnded()) {
      request.meters.active.decrement();
    }
    ClientMethodMeters.CodeMeters meters = request.code == Request.NO_CODE
        ? request.meters.noCode() : request.meters.byCode(request.code);
    meters.responses().increment();
    meters.responseTime().record(Clock.SYSTEM.monotonicTime() - request.startNanos,
        TimeUnit.NANOSECONDS);
    meters.responseBytes().record(bytesRead);
  }

  /** One request in flight: its meters and when it began. */
  static final class Request extends BothEnds {
    /** No response has begun. */
    static final int NO_CODE = Integer.MIN_VALUE;

    final ClientMethodMeters meters;
    final long startNanos;
    int code = NO_CODE;

    Request(ClientMethodMeters meters, long startNanos) {
      this.meters = meters;
      this.startNanos = startNanos;
    }
  }
}
