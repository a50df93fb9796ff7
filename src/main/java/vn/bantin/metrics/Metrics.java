package vn.bantin.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

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
  /** 1 while feeds.yml on disk is invalid (a hand edit) and the last valid version stays. */
  public static final String CONFIG_FILE_INVALID = "bantin.config.file.invalid";
  /** Seconds the SQLite store's writer rested so that readers came first. */
  public static final String STORE_WRITER_REST = "bantin.store.writer.rest";

  private final PrometheusMeterRegistry registry;
  private final Counter entriesNew;
  private final Counter entriesDuplicate;
  // One meter per tag value, looked up once: a builder and a registry lookup per fetch were 3%
  // of the fetcher's event loop in an unchanged poll cycle. The tag values are a small fixed set.
  private final Map<String, Timer> fetchDurations = new ConcurrentHashMap<>();
  private final Map<String, Counter> parseFailures = new ConcurrentHashMap<>();
  private final Map<String, Counter> renders = new ConcurrentHashMap<>();
  /** Held here: Micrometer holds a function counter's state weakly. */
  private DoubleSupplier storeWriterRest;

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
    fetchDurations.computeIfAbsent(outcome, o -> Timer.builder(FETCH_DURATION)
        .description("Duration of feed fetches by outcome").tag("outcome", o)
        .register(registry)).record(duration);
  }

  public void entries(int newStories, int duplicates) {
    entriesNew.increment(newStories);
    entriesDuplicate.increment(duplicates);
  }

  public void parseFailure(String code) {
    parseFailures.computeIfAbsent(code, c -> Counter.builder(PARSE_FAILURES)
        .description("Feed bodies that could not be parsed, by code").tag("code", c)
        .register(registry)).increment();
  }

  public void rendered(String format) {
    renders.computeIfAbsent(format, f -> Counter.builder(RENDERS)
        .description("Category feed renderings built").tag("format", f)
        .register(registry)).increment();
  }

  /**
   * Registers {@link #STORE_WRITER_REST}; {@code seconds}, the total so far, is asked at every
   * scrape, on the scraping thread.
   */
  public void storeWriterRest(DoubleSupplier seconds) {
    storeWriterRest = seconds;
    FunctionCounter.builder(STORE_WRITER_REST, seconds, DoubleSupplier::getAsDouble)
        .description("Time the store writer rested between write groups so that readers came"
            + " first").baseUnit("seconds").register(registry);
  }

  /**
   * Registers {@link #CONFIG_FILE_INVALID}; {@code invalid} is asked at every scrape, on the
   * scraping thread, so it must be cheap and non-blocking.
   */
  public void configFileInvalid(BooleanSupplier invalid) {
    Gauge.builder(CONFIG_FILE_INVALID, () -> invalid.getAsBoolean() ? 1 : 0)
        .description("1 while feeds.yml on disk is invalid and the last valid version serves")
        .register(registry);
  }
}
