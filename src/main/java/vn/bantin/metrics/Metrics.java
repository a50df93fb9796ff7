package vn.bantin.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/** bantin's own meters, registered in the same Prometheus registry as Vert.x's. */
public final class Metrics {
  /** Fetch duration, tagged {@code outcome}: fetched, not_modified or a failure code. */
  public static final String FETCH_DURATION = "bantin.fetch.duration";
  /** Entries that became new stories. */
  public static final String ENTRIES_NEW = "bantin.entries.new";
  /** Entries that joined a story already known. */
  public static final String ENTRIES_DUPLICATE = "bantin.entries.duplicate";
  /** Bodies that could not be parsed, tagged {@code code}. */
  public static final String PARSE_FAILURES = "bantin.parse.failures";
  /** Category renderings built (cache misses), tagged {@code format}. */
  public static final String RENDERS = "bantin.render.count";

  private final PrometheusMeterRegistry registry;
  private final Counter entriesNew;
  private final Counter entriesDuplicate;

  public Metrics() {
    this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  public Metrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
    this.entriesNew = Counter.builder(ENTRIES_NEW)
        .description("Entries that became new stories").register(registry);
    this.entriesDuplicate = Counter.builder(ENTRIES_DUPLICATE)
        .description("Entries that joined a story already known").register(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Records one fetch; {@code outcome} is one of a small fixed set of words. */
  public void fetchDone(String outcome, Duration duration) {
    Timer.builder(FETCH_DURATION).description("Duration of feed fetches by outcome")
        .tag("outcome", outcome).register(registry).record(duration);
  }

  public void entries(int newStories, int duplicates) {
    entriesNew.increment(newStories);
    entriesDuplicate.increment(duplicates);
  }

  public void parseFailure(String code) {
    Counter.builder(PARSE_FAILURES).description("Feed bodies that could not be parsed, by code")
        .tag("code", code).register(registry).increment();
  }

  public void rendered(String format) {
    Counter.builder(RENDERS).description("Category feed renderings built")
        .tag("format", format).register(registry).increment();
  }
}
