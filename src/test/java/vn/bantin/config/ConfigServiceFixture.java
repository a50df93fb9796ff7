package vn.bantin.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A feeds.yml in a temporary folder, its history folder, a clock the test moves and the changes
 * a listener heard: what every ConfigService test starts from.
 */
final class ConfigServiceFixture {
  /** Version 1 of the file: one source, one category, a header comment. */
  static final String V1 = """
      # Lai Châu portal: sources and categories.
      version: 1
      sources:
        - id: vov-chinh-tri
          title: VOV – Chính trị
          url: https://vov.vn/rss/chinh-tri.rss
          tags: [party]
      categories:
        - id: xay-dung-dang
          title: Xây dựng Đảng
          tags: [party]
      """;

  /** {@link #V1} with a second source. */
  static final String V2 = V1.replace("categories:", """
        - id: bao-lai-chau
          title: Báo Lai Châu
          url: https://baolaichau.vn/rss/home.rss
      categories:""");

  /** Two problems, on lines 6 and 8. */
  static final String TWO_PROBLEMS = V1
      .replace("https://vov.vn/rss/chinh-tri.rss", "ftp://vov.vn/rss/chinh-tri.rss")
      .replace("tags: [party]\ncategories", "tags: [party]\n    colour: red\ncategories");

  static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

  final Path feeds;
  final Path historyDir;
  final Path auditLog;
  final List<ConfigChange> changes = new ArrayList<>();
  Instant now = START;
  final InstantSource clock = () -> now;

  ConfigServiceFixture(Path tmp, String initialText) throws IOException {
    Path conf = Files.createDirectories(tmp.resolve("conf"));
    this.feeds = conf.resolve("feeds.yml");
    this.historyDir = tmp.resolve("data").resolve("config-history");
    this.auditLog = tmp.resolve("data").resolve("audit.log");
    Files.writeString(feeds, initialText, StandardCharsets.UTF_8);
  }

  ConfigService start() throws ConfigException {
    return start(20);
  }

  ConfigService start(int keep) throws ConfigException {
    return new ConfigService(feeds, historyDir, Duration.ofMinutes(15), keep, clock,
        changes::add);
  }

  ConfigService start(AtomicFiles files) throws ConfigException {
    return new ConfigService(feeds, historyDir, Duration.ofMinutes(15), 20, clock, changes::add,
        files);
  }

  /** Moves the clock on by a minute and returns the new time. */
  Instant tick() {
    now = now.plusSeconds(60);
    return now;
  }

  byte[] feedsBytes() throws IOException {
    return Files.readAllBytes(feeds);
  }

  /** Edits feeds.yml by hand, as an editor would, with a modification time one minute later. */
  void editByHand(String text) throws IOException {
    Files.writeString(feeds, text, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(feeds, java.nio.file.attribute.FileTime.from(tick()));
  }

  List<String> auditLines() throws IOException {
    return Files.exists(auditLog) ? Files.readAllLines(auditLog) : List.of();
  }

  /** A source's text, numbered {@code i}, for files with many versions. */
  static String withSource(int i) {
    return V1.replace("categories:", "  - id: s" + i + "\n    title: S" + i
        + "\n    url: https://example.vn/" + i + ".rss\ncategories:");
  }
}
