package vn.bantin.metrics;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps one known false alarm out of the log. Vert.x's Micrometer metrics register a connection
 * gauge (such as {@code vertx.http.client.active.connections}) again for every connection of a
 * client or server, and share one counter behind all those registrations, so the gauge counts
 * them all; Micrometer 1.13.9 and later warn once per process that the second registration was
 * ignored (vert-x3/vertx-micrometer-metrics#259). Every start of bantin that polls two sources
 * printed that warning. Only that warning, and only for Vert.x's own meters ({@code vertx.}
 * names), is dropped; any other record of that logger passes.
 */
final class RepeatedGaugeWarning implements Filter {
  /** Micrometer's logger of the warning; held here, since JUL keeps loggers only weakly. */
  private static final Logger REGISTRY_LOG =
      Logger.getLogger("io.micrometer.core.instrument.MeterRegistry");
  private static final String WARNING = "This Gauge has been already registered";

  private RepeatedGaugeWarning() {}

  /** Installs the filter on Micrometer's logger; idempotent. */
  static synchronized void quiet() {
    if (!(REGISTRY_LOG.getFilter() instanceof RepeatedGaugeWarning)) {
      REGISTRY_LOG.setFilter(new RepeatedGaugeWarning());
    }
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    String message = record.getMessage();
    return message == null
        || record.getLevel().intValue() > Level.WARNING.intValue()
        || !message.startsWith(WARNING)
        || !message.contains("name='vertx.");
  }
}
