package vn.bantin.metrics;

import io.vertx.core.http.WebSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.ClientMetrics;
import io.vertx.core.spi.metrics.HttpClientMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;

/**
 * One HTTP client's metrics: its requests go to the shared {@link ClientRequestMeters}, its
 * connections (sockets, bytes, errors, websockets) stay Vert.x's.
 */
final class HttpClientMeters extends SocketMeters
    implements HttpClientMetrics<ClientRequestMeters.Request, Object, Object> {
  private final HttpClientMetrics<Object, Object, Object> sockets;
  private final ClientRequestMeters requests;

  /** @param sockets Vert.x's metrics of the same client, for everything but requests */
  @SuppressWarnings("unchecked")
  HttpClientMeters(HttpClientMetrics<?, ?, ?> sockets, ClientRequestMeters requests) {
    super(sockets);
    this.sockets = (HttpClientMetrics<Object, Object, Object>) sockets;
    this.requests = requests;
  }

  // Without the remote label (ServingMetricsFactory checks) every endpoint has the same meters.
  @Override
  public ClientMetrics<ClientRequestMeters.Request, HttpRequest, HttpResponse>
      createEndpointMetrics(SocketAddress remoteAddress, int maxPoolSize) {
    return requests;
  }

  @Override
  public Object connected(WebSocket webSocket) {
    return sockets.connected(webSocket);
  }

  @Override
  public void disconnected(Object webSocket) {
    sockets.disconnected(webSocket);
  }
}
