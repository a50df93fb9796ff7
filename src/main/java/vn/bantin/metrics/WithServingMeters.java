package vn.bantin.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.ClientMetrics;
import io.vertx.core.spi.metrics.DatagramSocketMetrics;
import io.vertx.core.spi.metrics.EventBusMetrics;
import io.vertx.core.spi.metrics.HttpClientMetrics;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.PoolMetrics;
import io.vertx.core.spi.metrics.TCPMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.micrometer.MetricsNaming;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Vert.x's metrics, every one delegated except the request meters of HTTP servers and of HTTP
 * clients, each replaced only where {@link ServingMetricsFactory} found it exact.
 */
final class WithServingMeters implements VertxMetrics {
  /** Vert.x's base name of HTTP server meters ({@code MetricsDomain.HTTP_SERVER}). */
  private static final String HTTP_SERVER = "vertx.http.server.";
  /** Vert.x's base name of HTTP client meters ({@code MetricsDomain.HTTP_CLIENT}). */
  private static final String HTTP_CLIENT = "vertx.http.client.";

  private final VertxMetrics vertx;
  private final MeterRegistry registry;
  /** Server names, or null to keep Vert.x's own server request meters. */
  private final MetricsNaming serverNames;
  /** Server request meters by method, shared by every HTTP server (see HttpServerMeters). */
  private final ConcurrentMap<HttpMethod, MethodMeters> serverMeters = new ConcurrentHashMap<>();
  /** Shared by every HTTP client, or null to keep Vert.x's own client request meters. */
  private final ClientRequestMeters clientRequests;

  WithServingMeters(VertxMetrics vertx, MeterRegistry registry, MetricsNaming names,
      boolean server, boolean client) {
    this.vertx = vertx;
    this.registry = registry;
    this.serverNames = server ? names.withBaseName(HTTP_SERVER) : null;
    this.clientRequests = client
        ? new ClientRequestMeters(registry, names.withBaseName(HTTP_CLIENT)) : null;
  }

  @Override
  public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(HttpServerOptions options,
      SocketAddress localAddress) {
    HttpServerMetrics<?, ?, ?> own = vertx.createHttpServerMetrics(options, localAddress);
    // null: the category is disabled.
    return own == null || serverNames == null ? own
        : new HttpServerMeters(own, registry, serverNames, serverMeters);
  }

  @Override
  public EventBusMetrics<?> createEventBusMetrics() {
    return vertx.createEventBusMetrics();
  }

  @Override
  public ClientMetrics<?, ?, ?> createClientMetrics(SocketAddress remoteAddress, String type,
      String namespace) {
    return vertx.createClientMetrics(remoteAddress, type, namespace);
  }

  @Override
  public HttpClientMetrics<?, ?, ?> createHttpClientMetrics(HttpClientOptions options) {
    HttpClientMetrics<?, ?, ?> own = vertx.createHttpClientMetrics(options);
    // null: the category is disabled.
    return own == null || clientRequests == null ? own
        : new HttpClientMeters(own, clientRequests);
  }

  @Override
  public TCPMetrics<?> createNetServerMetrics(NetServerOptions options,
      SocketAddress localAddress) {
    return vertx.createNetServerMetrics(options, localAddress);
  }

  @Override
  public TCPMetrics<?> createNetClientMetrics(NetClientOptions options) {
    return vertx.createNetClientMetrics(options);
  }

  @Override
  public DatagramSocketMetrics createDatagramSocketMetrics(DatagramSocketOptions options) {
    return vertx.createDatagramSocketMetrics(options);
  }

  @Override
  public PoolMetrics<?, ?> createPoolMetrics(String poolType, String poolName, int maxPoolSize) {
    return vertx.createPoolMetrics(poolType, poolName, maxPoolSize);
  }

  @Override
  public void vertxCreated(Vertx created) {
    vertx.vertxCreated(created);
  }

  @Override
  public boolean isMetricsEnabled() {
    return vertx.isMetricsEnabled();
  }

  @Override
  public void close() {
    vertx.close();
  }
}
