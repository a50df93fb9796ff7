package vn.bantin.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import io.vertx.micrometer.MetricsNaming;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Vert.x's HTTP server request meters (active requests, request and response bytes, requests by
 * status, response time, resets) with the meters looked up once per method and status, not once
 * per request. Vert.x's own implementation builds {@code Tags} and asks the registry for six
 * meters on every request (a {@code Meter.Id} built, hashed and compared each time): the largest
 * cost bantin added to a cached feed's answer. Same names, descriptions, tags and values; only
 * for Vert.x's default server labels ({@code method}, {@code code}), see
 * {@link ServingMetricsFactory}. Connection-level meters (connections, bytes, errors, websockets)
 * stay Vert.x's: {@code sockets} records them.
 *
 * <p>Any event-loop thread may call it; meters are created at most once per key (a race only
 * makes the registry return the meter already registered).
 */
final class HttpServerMeters extends SocketMeters
    implements HttpServerMetrics<HttpServerMeters.Request, Object, Object> {
  private final HttpServerMetrics<Object, Object, Object> sockets;
  private final MeterRegistry registry;
  private final MetricsNaming names;
  private final ConcurrentMap<HttpMethod, MethodMeters> byMethod;

  /**
   * @param sockets Vert.x's metrics of the same server, for everything but requests
   * @param names Vert.x's names with the HTTP server's base name ({@code vertx.http.server.})
   * @param byMethod the meters by method, shared by every server of the Vert.x instance: the
   *     registry keeps the first active-requests gauge of a name and tags, so servers with
   *     meters of their own would count their active requests where nobody reads them
   */
  @SuppressWarnings("unchecked")
  HttpServerMeters(HttpServerMetrics<?, ?, ?> sockets, MeterRegistry registry,
      MetricsNaming names, ConcurrentMap<HttpMethod, MethodMeters> byMethod) {
    super(sockets);
    this.sockets = (HttpServerMetrics<Object, Object, Object>) sockets;
    this.registry = registry;
    this.names = names;
    this.byMethod = byMethod;
  }

  @Override
  public Request requestBegin(Object socket, HttpRequest request) {
    MethodMeters meters = byMethod.get(request.method());
    if (meters == null) {
      meters = byMethod.computeIfAbsent(request.method(),
          method -> new MethodMeters(registry, names, method));
    }
    meters.active.increment();
    // Clock.SYSTEM, as Vert.x's Timer.start() uses.
    return new Request(meters, Clock.SYSTEM.monotonicTime());
  }

  @Override
  public void requestEnd(Request request, HttpRequest req, long bytesRead) {
    if (request.pushed != null) {
      sockets.requestEnd(request.pushed, req, bytesRead);
      return;
    }
    request.meters.requestBytes.record(bytesRead);
    if (request.requestEnded()) {
      request.meters.active.decrement();
    }
  }

  @Override
  public void requestReset(Request request) {
    if (request.pushed != null) {
      sockets.requestReset(request.pushed);
      return;
    }
    request.meters.reset();
    request.meters.active.decrement();
    request.reset();
  }

  @Override
  public void responseEnd(Request request, HttpResponse response, long bytesWritten) {
    if (request.pushed != null) {
      sockets.responseEnd(request.pushed, response, bytesWritten);
      return;
    }
    MethodMeters.CodeMeters meters = request.meters.byCode(response.statusCode());
    meters.requests().increment();
    meters.responseTime().record(Clock.SYSTEM.monotonicTime() - request.startNanos,
        TimeUnit.NANOSECONDS);
    meters.responseBytes().record(bytesWritten);
    if (request.responseEnded()) {
      request.meters.active.decrement();
    }
  }

  // HTTP/2 server push: rare, so left to Vert.x entirely.
  @Override
  public Request responsePushed(Object socket, HttpMethod method, String uri,
      HttpResponse response) {
    return new Request(sockets.responsePushed(socket, method, uri, response));
  }

  @Override
  public void responseBegin(Request request, HttpResponse response) {
    sockets.responseBegin(request.pushed, response);
  }

  // Without the route label (ServingMetricsFactory checks) Vert.x only collects routes it never
  // reads.
  @Override
  public void requestRouted(Request request, String route) {
    if (request.pushed != null) {
      sockets.requestRouted(request.pushed, route);
    }
  }

  @Override
  public Object connected(Object socket, Request request, ServerWebSocket webSocket) {
    return sockets.connected(socket, request.pushed, webSocket);
  }

  @Override
  public void disconnected(Object webSocket) {
    sockets.disconnected(webSocket);
  }


  /** One request in flight: its meters and when it began. */
  static final class Request extends BothEnds {
    final MethodMeters meters;
    final long startNanos;
    /** Vert.x's own metric of a pushed response, else null. */
    final Object pushed;

    Request(MethodMeters meters, long startNanos) {
      this.meters = meters;
      this.startNanos = startNanos;
      this.pushed = null;
    }

    Request(Object pushed) {
      this.meters = null;
      this.startNanos = 0;
      this.pushed = pushed;
    }
  }
}
