package vn.bantin.store;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The messages one class's logger publishes while this is open; thread-safe. */
final class LoggedMessages extends Handler implements AutoCloseable {
  private final Logger logger;
  private final List<String> messages = new ArrayList<>();

  private LoggedMessages(Logger logger) {
    this.logger = logger;
    logger.addHandler(this);
  }

  /** Starts collecting what {@code logging}'s logger publishes. */
  static LoggedMessages of(Class<?> logging) {
    return new LoggedMessages(Logger.getLogger(logging.getName()));
  }

  /** What was published so far, in order. */
  synchronized List<String> all() {
    return List.copyOf(messages);
  }

  @Override
  public synchronized void publish(LogRecord record) {
    messages.add(record.getMessage());
  }

  @Override
  public void flush() {}

  /** Stops collecting. */
  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
