package vn.bantin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replacing a file whole or not at all; these failures are real ones, even for root. */
class AtomicFilesTest {
  @TempDir Path tmp;

  @Test
  void replacesTheContentAndLeavesNoTemporaryFile() throws Exception {
    Path target = Files.writeString(tmp.resolve("feeds.yml"), "old");

    new AtomicFiles().write(target, "mới".getBytes(StandardCharsets.UTF_8));

    assertThat(target).hasContent("mới");
    try (var files = Files.list(tmp)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void keepsThePermissionsOfTheFileItReplaces() throws Exception {
    Path target = Files.writeString(tmp.resolve("feeds.yml"), "old");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));

    new AtomicFiles().write(target, "new".getBytes(StandardCharsets.UTF_8));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-r-----");
  }

  @Test
  void aFailedRenameLeavesTheTargetAndNoTemporaryFile() throws Exception {
    // rename(2) cannot replace a non-empty folder, whoever asks.
    Path target = Files.createDirectories(tmp.resolve("feeds.yml"));
    Files.writeString(target.resolve("keep"), "kept");

    assertThatThrownBy(() -> new AtomicFiles().write(target, "new".getBytes()))
        .isInstanceOf(IOException.class);

    assertThat(target.resolve("keep")).hasContent("kept");
    try (var files = Files.list(tmp)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void aFolderThatIsNotAFolderFails() throws Exception {
    Path notAFolder = Files.writeString(tmp.resolve("conf"), "a regular file");

    assertThatThrownBy(() -> new AtomicFiles().write(notAFolder.resolve("feeds.yml"),
        "new".getBytes())).isInstanceOf(IOException.class);

    assertThat(notAFolder).hasContent("a regular file");
  }

  @Test
  void aWriteThatFailsHalfwayLeavesTheTargetAndNoTemporaryFile() throws Exception {
    Path target = Files.writeString(tmp.resolve("feeds.yml"), "old");
    AtomicFiles diskFull = new AtomicFiles((file, channel, bytes) -> {
      channel.write(bytes.slice().limit(2));
      throw new IOException("No space left on device");
    });

    assertThatThrownBy(() -> diskFull.write(target, "new text".getBytes()))
        .hasMessage("No space left on device");

    assertThat(target).hasContent("old");
    try (var files = Files.list(tmp)) {
      assertThat(files).containsExactly(target);
    }
  }
}
