package vn.bantin.config;

import java.time.Duration;
import java.time.InstantSource;

/**
 * Where one {@link ConfigService} keeps feeds.yml: the file, its saved versions, the audit log,
 * the clock, and the poll interval its text is parsed with. The parts are blocking and not
 * synchronized: every caller runs under the service's monitor, or in its constructor.
 */
record ConfigPlace(FeedsFile file, ConfigVersions versions, AuditLog audit, InstantSource clock,
    Duration defaultInterval) {

  /** Parses and validates {@code text} as feeds.yml, problems named after the file. */
  FeedsConfig parse(String text) throws ConfigException {
    return ConfigLoader.parseFeeds(file.name(), text, defaultInterval);
  }

  /** The class says what the message alone may not: AccessDeniedException's message is the path. */
  static String reason(Exception e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
