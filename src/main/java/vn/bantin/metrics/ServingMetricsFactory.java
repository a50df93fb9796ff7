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
 * Vert.x's Micrometer metrics ({@link MicrometerMetricsFactory}) with cheaper HTTP server request
 * meters ({@link HttpServerMeters}): the same meters, names and tags, resolved once per method
 * and status code instead of on every request. Give it to {@code Vertx.builder().withMetrics}
 * in place of {@code new MicrometerMetricsFactory(registry)}.
 *
 * <p>The swap is made only for the labels bantin's HTTP server meters carry by default,
 * {@code method} and {@code code}, without a custom request tags provider; with any other
 * server label enabled ({@code local}, {@code remote}, {@code path}, {@code route}) Vert.x's
 * own request meters run unchanged.
 */
public final class ServingMetricsFactory implements VertxMetricsFactory {
  /** Labels that change the HTTP server's request meters beyond method and code. */
  private static final Set<Label> OTHER_SERVER_LABELS =
      EnumSet.of(Label.LOCAL, Label.REMOTE, Label.HTTP_PATH, Label.HTTP_ROUTE);

  private final MeterRegistry registry;
  private final MicrometerMetricsFactory vertx;

  public ServingMetricsFactory(MeterRegistry registry) {
    this.registry = registry;
    this.vertx = new MicrometerMetricsFactory(registry);
  }

  @Override
  public VertxMetrics metrics(VertxOptions options) {
    VertxMetrics metrics = vertx.metrics(options);
    return swaps(options.getMetricsOptions())
        ? new WithServingMeters(metrics, registry,
            ((MicrometerMetricsOptions) options.getMetricsOptions()).getMetricsNaming())
        : metrics;
  }

  /** Whether {@link HttpServerMeters} gives exactly what Vert.x's own would with {@code o}. */
  static boolean swaps(MetricsOptions o) {
    if (!(o instanceof MicrometerMetricsOptions options)) {
      return false;
    }
    Set<Label> labels = options.getLabels();
    return labels.contains(Label.HTTP_METHOD) && labels.contains(Label.HTTP_CODE)
        && labels.stream().noneMatch(OTHER_SERVER_LABELS::contains)
        && options.getServerRequestTagsProvider() == null;
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
