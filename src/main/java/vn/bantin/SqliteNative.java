package vn.bantin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc's native library, copied out of the jar once per data directory instead of at
 * every start. Left alone, the driver copies the library (about 1.5 MB) into java.io.tmpdir
 * under a new random name whenever a JVM opens its first connection, then reads the copy back
 * and compares it with the jar byte by byte: a fifth of the Java work bantin did before serving,
 * and enough hot loop for the JIT to compile (bench/README.md, "Start-up"). Here the copy lives
 * in {@code <data_dir>/native/<driver version>-<CRC-32>-<size>/}, named for the entry in the
 * jar, so a new driver or a changed library gets a new directory; it is written under a
 * temporary name and moved into place, so a copy with the right name is whole. The driver is
 * pointed at it through its {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}
 * properties; if loading it fails, the driver goes on to its own extraction, as before.
 */
final class SqliteNative {
  private static final Logger LOG = Logger.getLogger(SqliteNative.class.getName());
  static final String PATH_PROPERTY = "org.sqlite.lib.path";
  static final String NAME_PROPERTY = "org.sqlite.lib.name";

  private SqliteNative() {}

  /**
   * Makes sure the library of this platform is in {@code dataDir}'s cache and points the driver
   * at it. Does nothing when the properties are already set (by the user, or by an earlier
   * store in this JVM: the driver loads its library once per JVM) or the jar has no library for
   * this platform; never throws.
   */
  static void prepare(Path dataDir) {
    if (System.getProperty(PATH_PROPERTY) != null) {
      return;
    }
    try {
      String name = LibraryLoaderUtil.getNativeLibName();
      CodeSource source = SQLiteJDBCLoader.class.getProtectionDomain().getCodeSource();
      Path driverJar = source == null ? null : Path.of(source.getLocation().toURI());
      if (driverJar == null || !Files.isRegularFile(driverJar)) {
        return; // not in a jar (an exploded build): the driver finds it its own way
      }
      // The JVM already has this jar open for its classes; a second JarFile shares that.
      try (JarFile jar = new JarFile(driverJar.toFile())) {
        JarEntry entry = jar.getJarEntry(
            LibraryLoaderUtil.getNativeLibResourcePath().substring(1) + "/" + name);
        if (entry == null || entry.getCrc() < 0 || entry.getSize() < 0) {
          return;
        }
        Path dir = dataDir.resolve("native").resolve(SQLiteJDBCLoader.getVersion() + "-"
            + Long.toHexString(entry.getCrc()) + "-" + entry.getSize());
        Path library = dir.resolve(name);
        if (!Files.isRegularFile(library) || Files.size(library) != entry.getSize()) {
          Files.createDirectories(dir);
          Path part = Files.createTempFile(dir, name, ".part");
          try (InputStream in = jar.getInputStream(entry)) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, library, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
          } finally {
            Files.deleteIfExists(part);
          }
        }
        System.setProperty(PATH_PROPERTY, dir.toString());
        System.setProperty(NAME_PROPERTY, name);
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      LOG.log(Level.FINE, "SQLite's native library not cached; the driver extracts it", e);
    }
  }
}
