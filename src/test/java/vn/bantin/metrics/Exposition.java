package vn.bantin.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Prometheus exposition lines of one family of Vert.x meters, comparable between runs. */
final class Exposition {
  private Exposition() {}

  /**
   * The lines of meters whose name starts with {@code prefix} (e.g. {@code vertx_http_client_}),
   * sorted, durations blanked; waits until no request is active (a side's end may be recorded
   * after the other peer has already seen the whole exchange).
   */
  static String lines(PrometheusMeterRegistry registry, String prefix) {
    Pattern duration = Pattern.compile(prefix + "response_time_seconds_(sum|max)\\{.*");
    Pattern active = Pattern.compile("(?s).*" + prefix + "active_requests\\{[^}]*} [1-9].*");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    String lines;
    do {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      lines = registry.scrape().lines()
          .filter(l -> l.contains(prefix))
          .map(l -> duration.matcher(l).matches() ? l.replaceFirst("} .*", "} (a duration)") : l)
          .sorted()
          .collect(Collectors.joining("\n"));
    } while (active.matcher(lines).matches() && System.nanoTime() < deadline);
    return lines;
  }
}
