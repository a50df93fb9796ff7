package vn.bantin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.config.ConfigServiceFixture.TWO_PROBLEMS;
import static vn.bantin.config.ConfigServiceFixture.V1;
import static vn.bantin.config.ConfigServiceFixture.V2;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand edits of feeds.yml: valid ones come in force, invalid ones are reported once. */
class HandEditReloadTest {
  @TempDir Path tmp;
  ConfigServiceFixture f;
  ConfigService service;
  final List<LogRecord> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
  final Logger log = Logger.getLogger(HandEdits.class.getName());
  final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        warnings.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void setUp() throws Exception {
    f = new ConfigServiceFixture(tmp, V1);
    service = f.start();
    log.addHandler(capture);
  }

  @AfterEach
  void tearDown() {
    log.removeHandler(capture);
  }

  @Test
  void nothingChangedIsEmpty() {
    assertThat(service.reloadIfChanged()).isEmpty();
    assertThat(service.reloadIfChanged()).isEmpty();
  }

  @Test
  void aValidHandEditBecomesANewVersionInForce() throws Exception {
    f.editByHand(V2);

    Optional<SaveResult> result = service.reloadIfChanged();

    ConfigVersion v2 = new ConfigVersion(2, ConfigHistory.etag(V2), f.now,
        "edited on disk: source bao-lai-chau added");
    assertThat(result).contains(new SaveResult.Saved(v2));
    assertThat(service.current()).isEqualTo(v2);
    assertThat(service.text()).isEqualTo(V2);
    assertThat(f.changes).containsExactly(new ConfigChange(
        ConfigLoader.parseFeeds("feeds.yml", V1), ConfigLoader.parseFeeds("feeds.yml", V2)));
    assertThat(f.historyDir.resolve("000002.yml")).hasContent(V2);
    assertThat(f.feeds).hasContent(V2);
    assertThat(service.reloadIfChanged()).isEmpty();
  }

  @Test
  void anInvalidHandEditIsReportedOnceAndTheOldConfigStays() throws Exception {
    f.editByHand(TWO_PROBLEMS);

    Optional<SaveResult> first = service.reloadIfChanged();
    Files.setLastModifiedTime(f.feeds, FileTime.from(f.tick())); // touched, same content
    Optional<SaveResult> second = service.reloadIfChanged();

    assertThat(first).hasValueSatisfying(r -> assertThat(r).isInstanceOfSatisfying(
        SaveResult.Invalid.class, invalid -> assertThat(invalid.problems())
            .extracting(ConfigProblem::line).containsExactly(6, 8)));
    assertThat(second).isEmpty();
    assertThat(service.fileProblems()).extracting(ConfigProblem::path)
        .containsExactly("sources[0].url", "sources[0].colour");
    assertThat(service.text()).isEqualTo(V1);
    assertThat(service.history()).hasSize(1);
    assertThat(f.changes).isEmpty();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).getMessage())
        .contains("feeds.yml:6 sources[0].url: not an http(s) URL")
        .contains("feeds.yml:8 sources[0].colour: unknown key");
    assertThat(f.auditLines()).filteredOn(l -> l.contains("\"invalid\"")).hasSize(1);
  }

  @Test
  void aFixedFileClearsTheProblems() throws Exception {
    f.editByHand(TWO_PROBLEMS);
    service.reloadIfChanged();
    f.editByHand(V2);

    Optional<SaveResult> result = service.reloadIfChanged();

    assertThat(result).hasValueSatisfying(r -> assertThat(r).isInstanceOf(SaveResult.Saved.class));
    assertThat(service.fileProblems()).isEmpty();
    assertThat(service.text()).isEqualTo(V2);
  }

  @Test
  void aFileRevertedToTheVersionInForceClearsTheProblemsAsUnchanged() throws Exception {
    f.editByHand(TWO_PROBLEMS);
    service.reloadIfChanged();
    f.editByHand(V1);

    assertThat(service.reloadIfChanged()).contains(new SaveResult.Unchanged(service.current()));
    assertThat(service.fileProblems()).isEmpty();
    assertThat(service.history()).hasSize(1);
  }

  @Test
  void aDeletedFileIsAFileProblemReportedOnceAndTheConfigStays() throws Exception {
    Files.delete(f.feeds);

    Optional<SaveResult> first = service.reloadIfChanged();
    Optional<SaveResult> second = service.reloadIfChanged();

    assertThat(first).hasValueSatisfying(r -> assertThat(r).isInstanceOf(SaveResult.Invalid.class));
    assertThat(second).isEmpty();
    assertThat(service.fileProblems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("(file)");
      assertThat(p.message()).startsWith("not found");
    });
    assertThat(service.text()).isEqualTo(V1);
  }

  @Test
  void aReplaceThroughTheServiceTriggersNoReload() throws Exception {
    service.replace(V2, null, "token:aaaa");

    assertThat(service.reloadIfChanged()).isEmpty();
    assertThat(service.history()).hasSize(2);
  }

  @Test
  void aReplaceOverAPendingHandEditIsStaleInsteadOfOverwritingIt() throws Exception {
    String startedFrom = service.current().etag();
    String handEdited = V1.replace("VOV – Chính trị", "VOV Chính trị");
    f.editByHand(handEdited);

    SaveResult result = service.replace(V2, startedFrom, "token:aaaa");

    assertThat(result).isInstanceOf(SaveResult.Stale.class);
    assertThat(service.text()).isEqualTo(handEdited);
    assertThat(f.feeds).hasContent(handEdited);
  }

  @Test
  void anApiSaveOverAnInvalidHandEditClearsTheProblems() throws Exception {
    f.editByHand(TWO_PROBLEMS);
    service.reloadIfChanged();

    SaveResult result = service.replace(V2, service.current().etag(), "token:aaaa");

    assertThat(result).isInstanceOf(SaveResult.Saved.class);
    assertThat(service.fileProblems()).isEmpty();
    assertThat(f.feeds).hasContent(V2);
  }
}
