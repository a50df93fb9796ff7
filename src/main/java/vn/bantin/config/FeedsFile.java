package vn.bantin.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

/**
 * feeds.yml on disk, as {@link ConfigService} sees it: read strictly (UTF-8, at most 1 MiB),
 * replaced atomically, and watched cheaply by its size, modification time and file key (inode),
 * so that an unchanged file is never read again. Not thread-safe: the service serializes calls.
 */
final class FeedsFile {
  /** What a look at the file found; {@code null} fields when it could not be looked at. */
  private record Stamp(long size, FileTime modified, Object key) {
    static Stamp of(BasicFileAttributes a) {
      return new Stamp(a.size(), a.lastModifiedTime(), a.fileKey());
    }
  }

  private static final Stamp UNAVAILABLE = new Stamp(-1, null, null);

  private final Path path;
  private final String name;
  private final AtomicFiles files;
  private Stamp seen = UNAVAILABLE;

  FeedsFile(Path path, AtomicFiles files) {
    this.path = path;
    Path fileName = path.getFileName();
    this.name = fileName == null ? path.toString() : fileName.toString();
    this.files = files;
  }

  /** The file name that problems name, e.g. {@code feeds.yml}. */
  String name() {
    return name;
  }

  /** Reads the text, whatever was seen before. */
  String read() throws ConfigException {
    Stamp now = look();
    return readText(now);
  }

  /**
   * Reads the text when the file changed since the last look (or read, or write); empty when it
   * did not. A file that is gone or unreadable throws once, then counts as unchanged while it
   * stays so.
   */
  Optional<String> readIfChanged() throws ConfigException {
    Stamp now = look();
    if (now.equals(seen)) {
      return Optional.empty();
    }
    return Optional.of(readText(now));
  }

  /** Replaces the file atomically; on failure it is untouched. */
  void write(String text) throws IOException {
    // Write through a symbolic link (a file kept under version control elsewhere, say) rather
    // than replace the link itself by a regular file.
    Path target = Files.isSymbolicLink(path) ? path.toRealPath() : path;
    seen = Stamp.of(files.write(target, text.getBytes(StandardCharsets.UTF_8)));
  }

  private Stamp look() {
    try {
      return Stamp.of(Files.readAttributes(path, BasicFileAttributes.class));
    } catch (IOException e) {
      return UNAVAILABLE;
    }
  }

  // The stamp is taken before the read: when the file changes in between, the next look sees a
  // newer stamp and reads it again, so no edit is missed.
  private String readText(Stamp now) throws ConfigException {
    seen = now;
    try {
      // An unavailable file is read anyway, for the real reason (gone, a folder, no access).
      if (now.size() > YamlTree.MAX_SIZE) {
        throw problem("larger than " + YamlTree.MAX_SIZE + " bytes");
      }
      byte[] bytes = Files.readAllBytes(path);
      if (bytes.length > YamlTree.MAX_SIZE) {
        throw problem("larger than " + YamlTree.MAX_SIZE + " bytes"); // grew since the look
      }
      // Strict: a malformed byte is an error, not a silent U+FFFD in a feed title.
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw problem("not found: " + path.toAbsolutePath());
    } catch (CharacterCodingException e) {
      throw problem("not valid UTF-8");
    } catch (IOException e) {
      throw problem("cannot read: " + e);
    }
  }

  private ConfigException problem(String message) {
    return new ConfigException(List.of(new ConfigProblem(name, 0, "(file)", message)));
  }
}
