package vn.bantin.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;

/**
 * Replaces a file so that a reader (or a crash) sees either the whole old content or the whole
 * new one: write a temporary file in the same folder, fsync it, rename it over the target, fsync
 * the folder. Blocking; callers serialize writes to one target.
 */
final class AtomicFiles {

  /** Writes the bytes into the temporary file; tests replace it to simulate a full disk. */
  @FunctionalInterface
  interface Sink {
    void write(Path target, FileChannel channel, ByteBuffer bytes) throws IOException;
  }

  private final Sink sink;

  AtomicFiles() {
    this((target, channel, bytes) -> {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    });
  }

  AtomicFiles(Sink sink) {
    this.sink = sink;
  }

  /**
   * Replaces {@code target} with {@code bytes}. On failure {@code target} is untouched and the
   * temporary file removed.
   *
   * @return the attributes of the new file (a rename keeps size, modification time and inode)
   */
  BasicFileAttributes write(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    // Same folder as the target: a rename is atomic only within one file system (POSIX rename(2)).
    Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    BasicFileAttributes written;
    try {
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        sink.write(target, channel, ByteBuffer.wrap(bytes));
        // The data must be on disk before the rename is, or a crash could leave an empty file
        // under the target's name (the classic ext4 delayed-allocation failure).
        channel.force(true);
      }
      keepPermissions(target, tmp);
      written = Files.readAttributes(tmp, BasicFileAttributes.class);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    syncDirectory(dir);
    return written;
  }

  /** Makes the rename itself durable: it lives in the folder's entry table. */
  static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems and platforms (Windows, some network mounts) refuse to open or fsync a
      // folder. The rename has happened either way; only its durability across a power cut is
      // weaker there, and nothing better is available, so go on.
    }
  }

  // A new file gets the umask's permissions; an admin who made feeds.yml group-readable (or
  // private) expects it to stay so after an edit through the API.
  private static void keepPermissions(Path target, Path tmp) {
    PosixFileAttributeView from = Files.getFileAttributeView(target, PosixFileAttributeView.class);
    PosixFileAttributeView to = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
    if (from == null || to == null || !Files.exists(target)) {
      return;
    }
    try {
      to.setPermissions(from.readAttributes().permissions());
    } catch (IOException e) {
      // Not ours to change (another owner): the umask's permissions will do; permissions are a
      // courtesy, not a condition of saving.
    }
  }
}
