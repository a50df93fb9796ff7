package vn.bantin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.config.ConfigServiceFixture.TWO_PROBLEMS;
import static vn.bantin.config.ConfigServiceFixture.V1;
import static vn.bantin.config.ConfigServiceFixture.V2;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ConfigService over versions other instances save too: the newest saved version wins over the
 * local feeds.yml, which is rewritten to it; a save or hand edit made from an older version
 * loses, as a stale If-Match does.
 */
class SharedConfigServiceTest {
  /** {@link ConfigServiceFixture#V2} with a third source. */
  private static final String V3 = V2.replace("categories:", """
        - id: nhan-dan
          title: Nhân Dân
          url: https://nhandan.vn/rss/home.rss
      categories:""");

  @TempDir Path tmp;
  private final SharedVersionsFake versions = new SharedVersionsFake();

  private ConfigService start(ConfigServiceFixture f) throws ConfigException {
    return new ConfigService(f.feeds, f.auditLog, versions, Duration.ofMinutes(15), f.clock,
        f.changes::add);
  }

  @Test
  void anEmptyStoreImportsTheLocalFileAsVersionOne() throws Exception {
    ConfigServiceFixture f = new ConfigServiceFixture(tmp, V1);
    ConfigService service = start(f);
    assertThat(service.current()).isEqualTo(new ConfigVersion(1, ConfigVersions.etag(V1),
        ConfigServiceFixture.START, "initial: imported from feeds.yml"));
    assertThat(versions.text(service.current())).isEqualTo(V1);
  }

  @Test
  void theNewestSavedVersionWinsOverAnInvalidLocalFileAndReplacesIt() throws Exception {
    ConfigServiceFixture f = new ConfigServiceFixture(tmp, TWO_PROBLEMS);
    versions.saveElsewhere(V1, ConfigServiceFixture.START);
    ConfigVersion v2 = versions.saveElsewhere(V2, ConfigServiceFixture.START);
    ConfigService service = start(f);
    assertThat(service.current()).isEqualTo(v2);
    assertThat(service.text()).isEqualTo(V2);
    assertThat(f.feeds).hasContent(V2);
    assertThat(service.history()).hasSize(2);
  }

  @Test
  void aVersionSavedElsewhereComesInForceAndIsWrittenToTheLocalFile() throws Exception {
    ConfigServiceFixture f = new ConfigServiceFixture(tmp, V1);
    ConfigService service = start(f);
    assertThat(service.adoptNewest()).isEmpty();
    ConfigVersion v2 = versions.saveElsewhere(V2, f.tick());

    assertThat(service.adoptNewest()).contains(new SaveResult.Saved(v2));
    assertThat(service.current()).isEqualTo(v2);
    assertThat(f.feeds).hasContent(V2);
    assertThat(f.changes).hasSize(1);
    assertThat(f.changes.get(0).after().sources()).hasSize(2);
    assertThat(service.adoptNewest()).as("once").isEmpty();
    assertThat(service.reloadIfChanged()).as("its own write is no hand edit").isEmpty();
  }

  @Test
  void aSaveFromAVersionAnotherInstanceReplacedIsStaleAndTheNewerComesInForce()
      throws Exception {
    ConfigServiceFixture f = new ConfigServiceFixture(tmp, V1);
    ConfigService service = start(f);
    String etag = service.current().etag();
    ConfigVersion v2 = versions.saveElsewhere(V2, f.tick());

    // Not heard of yet here: the If-Match still matches, the store refuses.
    assertThat(service.replace(V3, etag, "token:3f9a1c2b"))
        .isEqualTo(new SaveResult.Stale(v2));
    assertThat(service.current()).isEqualTo(v2);
    assertThat(f.feeds).hasContent(V2);
    assertThat(versions.versions()).hasSize(2);
  }

  @Test
  void aHandEditMadeFromAnOlderVersionLosesAndTheFileIsOverwritten() throws Exception {
    ConfigServiceFixture f = new ConfigServiceFixture(tmp, V1);
    ConfigService service = start(f);
    ConfigVersion v2 = versions.saveElsewhere(V2, f.tick());
    Files.writeString(f.feeds, V3);

    assertThat(service.adoptNewest()).contains(new SaveResult.Stale(v2));
    assertThat(service.current()).isEqualTo(v2);
    assertThat(f.feeds).hasContent(V2);
    assertThat(versions.versions()).hasSize(2);
    assertThat(Files.readString(f.auditLog)).contains("\"result\":\"stale\"");
  }

  @Test
  void aValidHandEditIsSavedForEveryInstance() throws Exception {
    ConfigServiceFixture f = new ConfigServiceFixture(tmp, V1);
    ConfigService service = start(f);
    Files.writeString(f.feeds, V2);
    f.tick();
    Optional<SaveResult> result = service.adoptNewest();
    assertThat(result).containsInstanceOf(SaveResult.Saved.class);
    assertThat(versions.newest()).contains(service.current());
    assertThat(versions.text(service.current())).isEqualTo(V2);
  }
}
