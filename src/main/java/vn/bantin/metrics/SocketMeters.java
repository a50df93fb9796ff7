package vn.bantin.metrics;

import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.TCPMetrics;

/**
 * The connection-level half of an HTTP server's or client's metrics (connections, bytes,
 * errors), left to Vert.x's own: {@link HttpServerMeters} and {@link HttpClientMeters} replace
 * only the request meters and pass these on to {@code sockets}.
 */
abstract class SocketMeters implements TCPMetrics<Object> {
  private final TCPMetrics<Object> sockets;

  @SuppressWarnings("unchecked")
  SocketMeters(TCPMetrics<?> sockets) {
    this.sockets = (TCPMetrics<Object>) sockets;
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
