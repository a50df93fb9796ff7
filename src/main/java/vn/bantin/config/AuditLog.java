package vn.bantin.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Appends one JSON line per attempted change of feeds.yml to {@code audit.log}, and logs it at
 * INFO: {@code {"at", "actor", "action", "result", "version", "summary"}}. It records who (a
 * non-secret actor id), what and how it ended, never a token and never the YAML text. A line
 * that cannot be written is logged as a warning: auditing never blocks a save.
 */
final class AuditLog {
  private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final InstantSource clock;

  AuditLog(Path file, InstantSource clock) {
    this.file = file;
    this.clock = clock;
  }

  /**
   * @param action {@code replace}, {@code rollback}, {@code reload}, or {@code adopt} (a version
   *     another instance saved in the shared store, with actor {@code store})
   * @param result {@code saved}, {@code unchanged}, {@code stale}, {@code invalid} or
   *     {@code failed}
   * @param version the version saved or in force, or {@code null} when none applies
   */
  void record(String actor, String action, String result, Integer version, String summary) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("at", clock.instant().toString());
    line.put("actor", actor);
    line.put("action", action);
    line.put("result", result);
    line.put("version", version);
    line.put("summary", summary);
    String text;
    try {
      text = JSON.writeValueAsString(line); // escapes newlines: one change, one line
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serializes", e);
    }
    LOG.info("config audit " + text);
    try {
      Files.write(file, (text + "\n").getBytes(StandardCharsets.UTF_8),
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot append to " + file + ": " + e);
    }
  }
}
