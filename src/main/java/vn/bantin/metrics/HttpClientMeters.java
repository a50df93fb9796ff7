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
final class HttpClientMeters
    implements HttpClientMetrics<ClientRequestMeters.Request, Object, Object> {
  private final HttpClientMetrics<Object, Object, Object> sockets;
  private final ClientRequestMeters requests;

  /** @param sockets Vert.x's metrics of the same client, for everything but requests */
  @SuppressWarnings("unchecked")
  HttpClientMeters(HttpClientMetrics<?, ?, ?> sockets, ClientRequestMeters requests) {
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

  @Override
  public Object connected(SocketAddress remote, String remoteName) {
    return sockets.connected(remote, remoteName);
  }

  @Override
  public void disconnected(Object socket, SocketAddress remote) {
    sockets.disconnected(socket, remote);
  }

  @Override
  public void bytesRead(Object socket, SocketAddress remote, long bytes) {
    sockets.bytesRead(socket, remote, bytes);
  }

  @Override
  public void bytesWritten(Object socket, SocketAddress remote, long bytes) {
    sockets.bytesWritten(socket, remote, bytes);
  }

  @Override
  public void exceptionOccurred(Object socket, SocketAddress remote, Throwable t) {
    sockets.exceptionOccurred(socket, remote, t);
  }

  @Override
  public void close() {
    sockets.close();
  }
}
