package vn.bantin.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void eachTagValueCountsOnItsOwnMeterAcrossCalls() {
    Metrics metrics = new Metrics();
    metrics.fetchDone("not_modified", Duration.ofMillis(2));
    metrics.fetchDone("not_modified", Duration.ofMillis(4));
    metrics.fetchDone("timeout", Duration.ofMillis(8));
    metrics.rendered("rss");
    metrics.rendered("rss");
    metrics.parseFailure("not_a_feed");

    var registry = metrics.registry();
    assertThat(registry.get(Metrics.FETCH_DURATION).tag("outcome", "not_modified").timer()
        .count()).isEqualTo(2);
    assertThat(registry.get(Metrics.FETCH_DURATION).tag("outcome", "timeout").timer()
        .count()).isEqualTo(1);
    assertThat(registry.get(Metrics.RENDERS).tag("format", "rss").counter().count())
        .isEqualTo(2.0);
    assertThat(registry.get(Metrics.PARSE_FAILURES).tag("code", "not_a_feed").counter().count())
        .isEqualTo(1.0);
    assertThat(registry.scrape())
        .contains("bantin_fetch_duration_seconds_count{outcome=\"timeout\"} 1");
  }

  @Test
  void theStoreWritersRestIsReadAtEveryScrapeAndOutlivesACollection() {
    Metrics metrics = new Metrics();
    double[] rested = {0};
    metrics.storeWriterRest(() -> rested[0]);
    rested[0] = 1.5;
    System.gc(); // Micrometer's own reference to the supplier is weak

    assertThat(metrics.registry().scrape())
        .contains("bantin_store_writer_rest_seconds_total 1.5");
  }
}
