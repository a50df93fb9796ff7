package vn.bantin.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Vert.x's repeated registration of a connection gauge is not logged as a warning, and nothing
 * else Micrometer logs is held back.
 */
class RepeatedGaugeWarningTest {
  private static final String REPEATED = "This Gauge has been already registered (MeterId{name="
      + "'vertx.http.client.active.connections', tags=[]}), the registration will be ignored."
      + " Note that subsequent logs will be logged at debug level.";

  @Test
  void dropsOnlyTheRepeatedRegistrationOfVertxOwnGauges() {
    RepeatedGaugeWarning.quiet();
    Filter filter = Logger.getLogger("io.micrometer.core.instrument.MeterRegistry").getFilter();
    assertThat(filter.isLoggable(new LogRecord(Level.WARNING, REPEATED))).isFalse();
    assertThat(filter.isLoggable(new LogRecord(Level.FINE, REPEATED))).isFalse();
    assertThat(filter.isLoggable(new LogRecord(Level.WARNING,
        REPEATED.replace("vertx.http.client", "bantin.fetch")))).isTrue();
    assertThat(filter.isLoggable(new LogRecord(Level.WARNING,
        "A MeterFilter is being configured after a Meter has been registered"))).isTrue();
    assertThat(filter.isLoggable(new LogRecord(Level.SEVERE, REPEATED))).isTrue();
    assertThat(filter.isLoggable(new LogRecord(Level.WARNING, null))).isTrue();
  }

  @Test
  void aClientsSecondConnectionLogsNothingAndIsCounted() throws Exception {
    Logger log = Logger.getLogger("io.micrometer.core.instrument.MeterRegistry");
    Level level = log.getLevel();
    List<LogRecord> published = new CopyOnWriteArrayList<>();
    List<String> seen = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        published.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new ServingMetricsFactory(registry))
        .build();
    // Micrometer warns once per process, then logs the same at FINE: both are looked at.
    Filter installed = log.getFilter();
    log.setFilter(record -> {
      seen.add(record.getMessage());
      return installed == null || installed.isLoggable(record);
    });
    log.setLevel(Level.ALL);
    log.addHandler(capture);
    try {
      List<HttpServerRequest> waiting = new CopyOnWriteArrayList<>();
      HttpServer server = vertx.createHttpServer().requestHandler(request -> {
        // Both requests are answered once both arrived: the client needs two connections.
        waiting.add(request);
        if (waiting.size() == 2) {
          waiting.forEach(r -> r.response().end("ok"));
        }
      });
      int port = await(server.listen(0, "127.0.0.1")).actualPort();
      HttpClient client = vertx.createHttpClient(new PoolOptions().setHttp1MaxSize(2));
      List<Future<String>> answers = List.of(get(client, port), get(client, port));
      for (Future<String> answer : answers) {
        assertThat(await(answer)).isEqualTo("ok");
      }
      assertThat(registry.get("vertx.http.client.active.connections").gauge().value())
          .isEqualTo(2.0);
      assertThat(seen).anyMatch(m -> m != null && m.startsWith("This Gauge has been already"
          + " registered (MeterId{name='vertx.http.client.active.connections'"));
      assertThat(published).noneMatch(r -> r.getMessage() != null
          && r.getMessage().startsWith("This Gauge has been already registered"));
    } finally {
      log.removeHandler(capture);
      log.setLevel(level);
      log.setFilter(installed);
      await(vertx.close());
    }
  }

  private static Future<String> get(HttpClient client, int port) {
    return client.request(HttpMethod.GET, port, "127.0.0.1", "/")
        .compose(request -> request.send())
        .compose(response -> response.body())
        .map(body -> body.toString());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
