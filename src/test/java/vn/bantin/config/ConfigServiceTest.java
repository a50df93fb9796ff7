package vn.bantin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.bantin.config.ConfigServiceFixture.TWO_PROBLEMS;
import static vn.bantin.config.ConfigServiceFixture.V1;
import static vn.bantin.config.ConfigServiceFixture.V2;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replacing feeds.yml through the service: saved, stale, invalid, unchanged, and the start. */
class ConfigServiceTest {
  @TempDir Path tmp;
  ConfigServiceFixture f;

  @BeforeEach
  void setUp() throws Exception {
    f = new ConfigServiceFixture(tmp, V1);
  }

  @Test
  void startsWithTheFileAsTheInitialVersion() throws Exception {
    ConfigService service = f.start();

    assertThat(service.text()).isEqualTo(V1);
    assertThat(service.config()).isEqualTo(ConfigLoader.parseFeeds("feeds.yml", V1));
    assertThat(service.current()).isEqualTo(new ConfigVersion(1, ConfigHistory.etag(V1),
        ConfigServiceFixture.START, "initial"));
    assertThat(service.history()).containsExactly(service.current());
    assertThat(service.fileProblems()).isEmpty();
    assertThat(f.changes).isEmpty();
  }

  @Test
  void theEtagIsTheQuotedBase64urlPrefixOfTheSha256OfTheUtf8Bytes() {
    // echo -n 'version: 1' | sha256sum, as base64url without padding, first 22 characters.
    assertThat(ConfigHistory.etag("version: 1")).matches("\"[A-Za-z0-9_-]{22}\"");
    assertThat(ConfigHistory.etag("Lai Châu")).isNotEqualTo(ConfigHistory.etag("Lai Chau"));
    assertThat(ConfigHistory.etag("")).isEqualTo("\"47DEQpj8HBSa-_TImW-5JC\"");
  }

  @Test
  void anInvalidFileAtStartUpIsRefusedWithEveryProblem() throws Exception {
    Files.writeString(f.feeds, TWO_PROBLEMS);

    ConfigException e = catchThrowableOfType(f::start, ConfigException.class);

    assertThat(e.problems()).extracting(ConfigProblem::file, ConfigProblem::line,
        ConfigProblem::path).containsExactly(
            org.assertj.core.groups.Tuple.tuple("feeds.yml", 6, "sources[0].url"),
            org.assertj.core.groups.Tuple.tuple("feeds.yml", 8, "sources[0].colour"));
    assertThat(f.historyDir).doesNotExist();
  }

  @Test
  void replaceSavesWritesSwapsAndTellsTheListenerBeforeAndAfter() throws Exception {
    ConfigService service = f.start();
    ConfigVersion v1 = service.current();
    f.tick();

    SaveResult result = service.replace(V2, v1.etag(), "token:3f9a1c2b");

    ConfigVersion v2 = new ConfigVersion(2, ConfigHistory.etag(V2), f.now,
        "source bao-lai-chau added");
    assertThat(result).isEqualTo(new SaveResult.Saved(v2));
    assertThat(Files.readString(f.feeds)).isEqualTo(V2);
    assertThat(service.text()).isEqualTo(V2);
    assertThat(service.current()).isEqualTo(v2);
    assertThat(service.config().source("bao-lai-chau")).isPresent();
    assertThat(f.changes).containsExactly(new ConfigChange(
        ConfigLoader.parseFeeds("feeds.yml", V1), ConfigLoader.parseFeeds("feeds.yml", V2)));
    assertThat(service.history()).containsExactly(v2, v1);
    assertThat(Files.readString(f.historyDir.resolve("000002.yml"))).isEqualTo(V2);
    assertThat(Files.readString(f.historyDir.resolve("000001.yml"))).isEqualTo(V1);
    assertThat(Files.list(f.feeds.getParent())).containsExactly(f.feeds); // no temporary left
  }

  @Test
  void aStaleEtagIsRefusedAndTheFileStays() throws Exception {
    ConfigService service = f.start();
    String startedFrom = service.current().etag();
    service.replace(V2, startedFrom, "token:aaaa"); // another admin saved first
    byte[] before = f.feedsBytes();

    SaveResult result = service.replace(V1.replace("VOV", "Đài VOV"), startedFrom, "token:bbbb");

    assertThat(result).isEqualTo(new SaveResult.Stale(service.current()));
    assertThat(service.current().version()).isEqualTo(2);
    assertThat(f.feedsBytes()).isEqualTo(before);
    assertThat(f.changes).hasSize(1);
  }

  @Test
  void aNullIfMatchMeansNoCheck() throws Exception {
    ConfigService service = f.start();

    assertThat(service.replace(V2, null, "file")).isInstanceOf(SaveResult.Saved.class);
  }

  @Test
  void anInvalidTextReturnsEveryProblemAndLeavesTheFileByteIdentical() throws Exception {
    ConfigService service = f.start();
    byte[] before = f.feedsBytes();

    SaveResult result = service.replace(TWO_PROBLEMS, service.current().etag(), "token:aaaa");

    assertThat(result).isEqualTo(new SaveResult.Invalid(List.of(
        new ConfigProblem("feeds.yml", 6, "sources[0].url", "not an http(s) URL"),
        new ConfigProblem("feeds.yml", 8, "sources[0].colour", "unknown key; allowed:"
            + " id, title, url, tags, interval, enabled"))));
    assertThat(f.feedsBytes()).isEqualTo(before);
    assertThat(service.text()).isEqualTo(V1);
    assertThat(service.history()).hasSize(1);
    assertThat(f.changes).isEmpty();
  }

  @Test
  void theSameTextIsUnchangedAndMakesNoVersion() throws Exception {
    ConfigService service = f.start();

    SaveResult result = service.replace(V1, service.current().etag(), "token:aaaa");

    assertThat(result).isEqualTo(new SaveResult.Unchanged(service.current()));
    assertThat(service.history()).hasSize(1);
    assertThat(f.changes).isEmpty();
  }

  @Test
  void aChangeOfCommentsOnlyIsSavedAsAVersionWithNoEffectiveChange() throws Exception {
    ConfigService service = f.start();
    String annotated = V1.replace("version: 1", "version: 1  # do not change");

    SaveResult result = service.replace(annotated, service.current().etag(), "token:aaaa");

    assertThat(result).isInstanceOfSatisfying(SaveResult.Saved.class, saved -> assertThat(
        saved.current().summary()).isEqualTo("no effective change (comments or layout)"));
    assertThat(Files.readString(f.feeds)).isEqualTo(annotated);
  }

  @Test
  void aListenerThatThrowsDoesNotUndoTheSave() throws Exception {
    ConfigService service = new ConfigService(f.feeds, f.historyDir, Duration.ofMinutes(15), 20,
        f.clock, change -> {
          throw new IllegalStateException("listener bug");
        });

    SaveResult result = service.replace(V2, null, "token:aaaa");

    assertThat(result).isInstanceOf(SaveResult.Saved.class);
    assertThat(service.text()).isEqualTo(V2);
  }

  @Test
  void theDefaultIntervalAppliesToSourcesWithoutOne() throws Exception {
    ConfigService service = new ConfigService(f.feeds, f.historyDir, Duration.ofMinutes(5), 20,
        f.clock, f.changes::add);

    assertThat(service.config().source("vov-chinh-tri").orElseThrow().interval())
        .isEqualTo(Duration.ofMinutes(5));
  }
}
