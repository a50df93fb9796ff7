package vn.bantin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.config.ConfigServiceFixture.V1;
import static vn.bantin.config.ConfigServiceFixture.V2;
import static vn.bantin.config.ConfigServiceFixture.withSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saved versions: order, trimming, numbering across restarts, rollback. */
class ConfigHistoryTest {
  @TempDir Path tmp;
  ConfigServiceFixture f;

  @BeforeEach
  void setUp() throws Exception {
    f = new ConfigServiceFixture(tmp, V1);
  }

  @Test
  void historyIsNewestFirstAndTrimmedToKeep() throws Exception {
    ConfigService service = f.start(20);
    for (int i = 2; i <= 23; i++) {
      f.tick();
      assertThat(service.replace(withSource(i), null, "token:aaaa"))
          .isInstanceOf(SaveResult.Saved.class);
    }

    List<ConfigVersion> history = service.history();

    assertThat(history).extracting(ConfigVersion::version)
        .containsExactly(23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4);
    assertThat(history.get(0)).isEqualTo(service.current());
    assertThat(history.get(0).summary()).isEqualTo("source s23 added; source s22 removed");
    assertThat(f.historyDir.resolve("000003.yml")).doesNotExist();
    assertThat(f.historyDir.resolve("000003.json")).doesNotExist();
    assertThat(f.historyDir.resolve("000004.yml")).hasContent(withSource(4));
    try (var files = Files.list(f.historyDir)) {
      assertThat(files).hasSize(40);
    }
  }

  @Test
  void eachVersionIsKeptAsItsTextAndAJsonDescription() throws Exception {
    ConfigService service = f.start();
    f.tick();
    service.replace(V2, null, "token:aaaa");

    JsonNode meta = new ObjectMapper().readTree(f.historyDir.resolve("000002.json").toFile());

    assertThat(meta.get("version").asInt()).isEqualTo(2);
    assertThat(meta.get("etag").asText()).isEqualTo(ConfigHistory.etag(V2));
    assertThat(meta.get("savedAt").asText()).isEqualTo("2026-03-01T08:01:00Z");
    assertThat(meta.get("summary").asText()).isEqualTo("source bao-lai-chau added");
    assertThat(f.historyDir.resolve("000002.yml")).hasContent(V2);
  }

  @Test
  void versionNumbersSurviveARestartAndKeepIncreasing() throws Exception {
    ConfigService first = f.start(20);
    first.replace(V2, null, "token:aaaa");
    List<ConfigVersion> before = first.history();

    ConfigService second = f.start(20);

    assertThat(second.history()).isEqualTo(before);
    assertThat(second.current().version()).isEqualTo(2);
    assertThat(second.replace(V1, second.current().etag(), "token:aaaa"))
        .isInstanceOfSatisfying(SaveResult.Saved.class,
            saved -> assertThat(saved.current().version()).isEqualTo(3));
  }

  @Test
  void numbersAreNotReusedAfterTrimmingToFewerVersionsAtARestart() throws Exception {
    ConfigService first = f.start(20);
    for (int i = 2; i <= 5; i++) {
      first.replace(withSource(i), null, "token:aaaa");
    }

    ConfigService second = f.start(2);
    second.replace(V2, null, "token:aaaa");

    assertThat(second.history()).extracting(ConfigVersion::version).containsExactly(6, 5);
  }

  @Test
  void aVersionTakenBackKeepsItsNumberTakenAcrossARestart() throws Exception {
    Path dir = tmp.resolve("undo");
    ConfigHistory history = ConfigHistory.open(dir, 20, new AtomicFiles());
    history.add(0, V1, Instant.EPOCH, "initial", "file");
    ConfigVersion second = history.add(1, V2, Instant.EPOCH, "changed", "token:aaaa");
    history.undoAdd(second);
    assertThat(history.newest()).map(ConfigVersion::version).contains(1);

    ConfigHistory reopened = ConfigHistory.open(dir, 20, new AtomicFiles());

    assertThat(reopened.versions()).extracting(ConfigVersion::version).containsExactly(1);
    assertThat(reopened.add(1, V2, Instant.EPOCH, "changed again", "token:aaaa").version())
        .isEqualTo(3);
  }

  @Test
  void anEditWhileStoppedBecomesANewVersionAtStart() throws Exception {
    f.start();
    Files.writeString(f.feeds, V2);
    f.tick();

    ConfigService service = f.start();

    assertThat(service.current()).isEqualTo(new ConfigVersion(2, ConfigHistory.etag(V2), f.now,
        "changed on disk while stopped: source bao-lai-chau added"));
    assertThat(service.text()).isEqualTo(V2);
  }

  @Test
  void unreadableVersionsAndLeftoverTemporaryFilesAreSkipped() throws Exception {
    ConfigService first = f.start();
    first.replace(V2, null, "token:aaaa");
    Files.writeString(f.historyDir.resolve("000001.json"), "{not json");
    Path leftover = Files.writeString(f.historyDir.resolve(".000003.yml.crash.tmp"), "half");

    ConfigService second = f.start();

    assertThat(second.history()).extracting(ConfigVersion::version).containsExactly(2);
    assertThat(leftover).doesNotExist();
  }

  @Test
  void rollbackMakesAnOldVersionCurrentAsANewVersion() throws Exception {
    ConfigService service = f.start();
    service.replace(V2, null, "token:aaaa");
    f.changes.clear();
    f.tick();

    SaveResult result = service.rollback(1, service.current().etag(), "token:bbbb");

    ConfigVersion v3 = new ConfigVersion(3, ConfigHistory.etag(V1), f.now,
        "rollback to version 1: source bao-lai-chau removed");
    assertThat(result).isEqualTo(new SaveResult.Saved(v3));
    assertThat(Files.readString(f.feeds)).isEqualTo(V1);
    assertThat(service.history()).extracting(ConfigVersion::version).containsExactly(3, 2, 1);
    assertThat(f.changes).extracting(c -> c.after().sources().size()).containsExactly(1);
  }

  @Test
  void rollbackToAnUnknownVersionIsInvalidAndChangesNothing() throws Exception {
    ConfigService service = f.start();
    byte[] before = f.feedsBytes();

    SaveResult result = service.rollback(7, service.current().etag(), "token:aaaa");

    assertThat(result).isEqualTo(new SaveResult.Invalid(List.of(
        new ConfigProblem("feeds.yml", 0, "version", "no saved version 7"))));
    assertThat(f.feedsBytes()).isEqualTo(before);
    assertThat(service.history()).hasSize(1);
  }

  @Test
  void rollbackWithAStaleEtagIsStale() throws Exception {
    ConfigService service = f.start();
    String old = service.current().etag();
    service.replace(V2, old, "token:aaaa");

    assertThat(service.rollback(1, old, "token:bbbb"))
        .isEqualTo(new SaveResult.Stale(service.current()));
    assertThat(service.text()).isEqualTo(V2);
  }

  @Test
  void rollbackToTheVersionInForceIsUnchanged() throws Exception {
    ConfigService service = f.start();

    assertThat(service.rollback(1, null, "token:aaaa"))
        .isEqualTo(new SaveResult.Unchanged(service.current()));
  }
}
