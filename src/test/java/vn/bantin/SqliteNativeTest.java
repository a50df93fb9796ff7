package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * The cached copy of sqlite-jdbc's native library. The driver's properties are global to the
 * JVM, so each test restores them; the driver itself has long loaded its library by then.
 */
class SqliteNativeTest {
  @TempDir Path dataDir;
  private String path;
  private String name;

  @BeforeEach
  void clearProperties() {
    path = System.clearProperty(SqliteNative.PATH_PROPERTY);
    name = System.clearProperty(SqliteNative.NAME_PROPERTY);
  }

  @AfterEach
  void restoreProperties() {
    restore(SqliteNative.PATH_PROPERTY, path);
    restore(SqliteNative.NAME_PROPERTY, name);
  }

  @Test
  void copiesTheLibraryIntoTheDataDirectoryAndPointsTheDriverAtIt() throws Exception {
    SqliteNative.prepare(dataDir);

    Path library = onlyCopy();
    assertThat(System.getProperty(SqliteNative.PATH_PROPERTY))
        .isEqualTo(library.getParent().toString());
    assertThat(System.getProperty(SqliteNative.NAME_PROPERTY))
        .isEqualTo(LibraryLoaderUtil.getNativeLibName());
    try (var in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(
        LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName())) {
      assertThat(Files.readAllBytes(library)).isEqualTo(in.readAllBytes());
    }
  }

  @Test
  void aLaterStartReusesTheCopyWithoutWritingIt() throws Exception {
    SqliteNative.prepare(dataDir);
    Path library = onlyCopy();
    FileTime old = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(library, old);
    clearProperties();

    SqliteNative.prepare(dataDir);

    assertThat(onlyCopy()).isEqualTo(library);
    assertThat(Files.getLastModifiedTime(library)).isEqualTo(old);
  }

  @Test
  void aCopyOfTheWrongSizeIsReplaced() throws Exception {
    SqliteNative.prepare(dataDir);
    Path library = onlyCopy();
    long size = Files.size(library);
    Files.write(library, new byte[] {1, 2, 3});
    clearProperties();

    SqliteNative.prepare(dataDir);

    assertThat(Files.size(library)).isEqualTo(size);
  }

  @Test
  void aLibraryPathChosenByTheUserIsLeftAlone() throws Exception {
    System.setProperty(SqliteNative.PATH_PROPERTY, "/opt/sqlite");

    SqliteNative.prepare(dataDir);

    assertThat(System.getProperty(SqliteNative.PATH_PROPERTY)).isEqualTo("/opt/sqlite");
    assertThat(dataDir.resolve("native")).doesNotExist();
  }

  /** The one library file under data_dir/native, no temporary file beside it. */
  private Path onlyCopy() throws Exception {
    try (Stream<Path> files = Files.walk(dataDir.resolve("native"))) {
      var all = files.filter(Files::isRegularFile).toList();
      assertThat(all).hasSize(1);
      assertThat(all.get(0).getFileName().toString())
          .isEqualTo(LibraryLoaderUtil.getNativeLibName());
      return all.get(0);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
