package vn.bantin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.config.ConfigServiceFixture.V1;
import static vn.bantin.config.ConfigServiceFixture.V2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save that cannot be written (a full disk, simulated inside the real atomic write, which then
 * cleans up as it would for a real failure) changes nothing: not the file, not the history, not
 * the configuration in force.
 */
class ConfigServiceFailureTest {
  @TempDir Path tmp;
  ConfigServiceFixture f;
  /** The name of the file whose writes fail, or null. */
  final AtomicReference<String> failing = new AtomicReference<>();
  ConfigService service;

  @BeforeEach
  void setUp() throws Exception {
    f = new ConfigServiceFixture(tmp, V1);
    service = f.start(new AtomicFiles((target, channel, bytes) -> {
      if (target.getFileName().toString().equals(failing.get())) {
        channel.write(bytes.slice().limit(bytes.remaining() / 2));
        throw new IOException("No space left on device");
      }
      channel.write(bytes);
    }));
  }

  @Test
  void aFailedWriteOfFeedsYmlLeavesEverythingAsItWas() throws Exception {
    byte[] before = f.feedsBytes();
    failing.set("feeds.yml");

    SaveResult result = service.replace(V2, service.current().etag(), "token:aaaa");

    assertThat(result).isInstanceOfSatisfying(SaveResult.Failed.class,
        failed -> assertThat(failed.message()).contains("feeds.yml", "No space left on device"));
    assertThat(f.feedsBytes()).isEqualTo(before);
    assertThat(service.text()).isEqualTo(V1);
    assertThat(service.history()).extracting(ConfigVersion::version).containsExactly(1);
    // No version 2; an empty 000002.yml keeps its number taken (numbers are never reused).
    assertThat(f.historyDir.resolve("000002.json")).doesNotExist();
    assertThat(f.historyDir.resolve("000002.yml")).isEmptyFile();
    assertThat(f.changes).isEmpty();
    try (var files = Files.list(f.feeds.getParent())) {
      assertThat(files).containsExactly(f.feeds);
    }
    assertThat(service.reloadIfChanged()).isEmpty(); // nothing on disk moved
  }

  @Test
  void aFailedWriteOfTheHistoryLeavesFeedsYmlAsItWas() throws Exception {
    byte[] before = f.feedsBytes();
    failing.set("000002.json");

    SaveResult result = service.replace(V2, service.current().etag(), "token:aaaa");

    assertThat(result).isInstanceOf(SaveResult.Failed.class);
    assertThat(f.feedsBytes()).isEqualTo(before);
    assertThat(service.history()).hasSize(1);
    try (var files = Files.list(f.historyDir)) {
      assertThat(files).extracting(p -> p.getFileName().toString())
          .containsExactlyInAnyOrder("000001.yml", "000001.json");
    }
  }

  @Test
  void theNextSaveWorksOnceTheDiskHasRoom() throws Exception {
    failing.set("feeds.yml");
    service.replace(V2, null, "token:aaaa");
    failing.set(null);

    SaveResult result = service.replace(V2, service.current().etag(), "token:aaaa");

    assertThat(result).isInstanceOfSatisfying(SaveResult.Saved.class,
        saved -> assertThat(saved.current().version()).isGreaterThan(1));
    assertThat(f.feeds).hasContent(V2);
  }

  @Test
  void aHandEditWhoseVersionCannotBeKeptIsReportedOnceAndNotPutInForce() throws Exception {
    failing.set("000002.yml");
    f.editByHand(V2);

    Optional<SaveResult> first = service.reloadIfChanged();
    Optional<SaveResult> second = service.reloadIfChanged();

    assertThat(first).hasValueSatisfying(r -> assertThat(r).isInstanceOf(SaveResult.Failed.class));
    assertThat(second).isEmpty();
    assertThat(service.text()).isEqualTo(V1);
    assertThat(f.changes).isEmpty();
  }
}
