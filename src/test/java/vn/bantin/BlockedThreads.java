package vn.bantin;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * A log handler keeping Vert.x's blocked-thread warnings ("Thread ... has been blocked"), for
 * tests asserting that no event loop or worker was blocked; add it to the root logger.
 */
final class BlockedThreads extends Handler {
  private final List<String> warnings = new CopyOnWriteArrayList<>();

  /** The warnings heard so far. */
  List<String> warnings() {
    return warnings;
  }

  @Override
  public void publish(LogRecord record) {
    String message = String.valueOf(record.getMessage());
    if (message.contains("has been blocked") || message.contains("Thread blocked")) {
      warnings.add(message);
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
