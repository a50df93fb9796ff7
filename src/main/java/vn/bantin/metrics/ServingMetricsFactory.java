package vn.bantin.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Vert.x's Micrometer metrics ({@link MicrometerMetricsFactory}) with cheaper HTTP server and
 * HTTP client request meters ({@link HttpServerMeters}, {@link ClientRequestMeters}): the same
 * meters, names and tags, resolved once per method and status code instead of on every request.
 * Give it to {@code Vertx.builder().withMetrics} in place of
 * {@code new MicrometerMetricsFactory(registry)}.
 *
 * <p>Each swap is made only for the labels bantin's meters carry by default, {@code method}
 * and {@code code}, without a custom request tags provider; with any other label of that side
 * enabled (server: {@code local}, {@code remote}, {@code path}, {@code route}; client:
 * {@code local}, {@code remote}, {@code path}, {@code client_name}) Vert.x's own request meters
 * of that side run unchanged.
 */
public final class ServingMetricsFactory implements VertxMetricsFactory {
  /** Labels that change the HTTP server's request meters beyond method and code. */
  private static final Set<Label> OTHER_SERVER_LABELS =
      EnumSet.of(Label.LOCAL, Label.REMOTE, Label.HTTP_PATH, Label.HTTP_ROUTE);
  /** Labels that change the HTTP client's request meters beyond method and code. */
  private static final Set<Label> OTHER_CLIENT_LABELS =
      EnumSet.of(Label.LOCAL, Label.REMOTE, Label.HTTP_PATH, Label.CLIENT_NAME);

  private final MeterRegistry registry;
  private final MicrometerMetricsFactory vertx;

  public ServingMetricsFactory(MeterRegistry registry) {
    this.registry = registry;
    this.vertx = new MicrometerMetricsFactory(registry);
    RepeatedGaugeWarning.quiet();
  }

  @Override
  public VertxMetrics metrics(VertxOptions options) {
    VertxMetrics metrics = vertx.metrics(options);
    MetricsOptions o = options.getMetricsOptions();
    boolean server = swapsServerMeters(o);
    boolean client = swapsClientMeters(o);
    return server || client
        ? new WithServingMeters(metrics, registry,
            ((MicrometerMetricsOptions) o).getMetricsNaming(), server, client)
        : metrics;
  }

  /** Whether {@link HttpServerMeters} gives exactly what Vert.x's own would with {@code o}. */
  static boolean swapsServerMeters(MetricsOptions o) {
    return o instanceof MicrometerMetricsOptions options
        && methodAndCodeOnly(options.getLabels(), OTHER_SERVER_LABELS)
        && options.getServerRequestTagsProvider() == null;
  }

  /** Whether {@link ClientRequestMeters} gives exactly what Vert.x's own would with {@code o}. */
  static boolean swapsClientMeters(MetricsOptions o) {
    return o instanceof MicrometerMetricsOptions options
        && methodAndCodeOnly(options.getLabels(), OTHER_CLIENT_LABELS)
        && options.getClientRequestTagsProvider() == null;
  }

  private static boolean methodAndCodeOnly(Set<Label> labels, Set<Label> others) {
    return labels.contains(Label.HTTP_METHOD) && labels.contains(Label.HTTP_CODE)
        && labels.stream().noneMatch(others::contains);
  }

  @Override
  public MetricsOptions newOptions() {
    return vertx.newOptions();
  }

  @Override
  public MetricsOptions newOptions(MetricsOptions options) {
    return vertx.newOptions(options);
  }

  @Override
  public MetricsOptions newOptions(JsonObject json) {
    return vertx.newOptions(json);
  }
}
