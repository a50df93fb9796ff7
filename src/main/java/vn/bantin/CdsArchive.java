package vn.bantin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes the class-data-sharing archive of the jar this runs from (pom.xml, phase {@code
 * package}: {@code java -cp target/bantin.jar vn.bantin.CdsArchive target/bantin.jsa}). Two
 * child JVMs of the same Java: {@link CdsTraining} under {@code -XX:DumpLoadedClassList}, then
 * {@code -Xshare:dump} of that list. A JVM started with {@code -XX:SharedArchiveFile} and the
 * same class path maps those classes parsed, verified and linked (bench/README.md, "Start-up").
 *
 * <p>Never fails the build: a step that fails is reported, the archive is deleted, and bantin
 * starts as without it.
 */
final class CdsArchive {
  /** The longest either step may take; the training bounds each of its own steps at 30 s. */
  private static final long STEP_SECONDS = 180;
  /**
   * Class-list lines naming lambda proxy classes. OpenJDK 17's static dump crashes on some
   * lists holding them (SIGSEGV in SystemDictionaryShared::adjust_lambda_proxy_class_dictionary,
   * every time for such a list), so they are left out: the lambdas' classes are then generated
   * at run time as without an archive, which costs little (start-up 0.63x either way).
   */
  static final String LAMBDA_PROXY = "@lambda-proxy";

  private CdsArchive() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: java -cp bantin.jar vn.bantin.CdsArchive ARCHIVE.jsa");
      System.exit(2);
    }
    Path archive = Path.of(args[0]).toAbsolutePath();
    Path list = archive.resolveSibling(archive.getFileName() + ".classlist");
    try {
      Files.deleteIfExists(archive);
      // A crash report goes beside the archive, not into the directory the build runs in.
      String errorFile = "-XX:ErrorFile=" + archive.resolveSibling("hs_err_cds_%p.log");
      run("the training run", errorFile, "-XX:DumpLoadedClassList=" + list, "-cp",
          classPath(), CdsTraining.class.getName());
      withoutLambdaProxies(list);
      run("the archive dump", errorFile, "-Xshare:dump", "-XX:SharedClassListFile=" + list,
          "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=error", "-cp", classPath());
    } catch (IOException | RuntimeException e) {
      System.err.println("bantin: no class-data archive (" + e.getMessage()
          + "); bantin starts as without one");
      delete(archive);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      delete(archive);
    } finally {
      delete(list);
    }
  }

  /** Rewrites the class list without its {@link #LAMBDA_PROXY} lines. */
  static void withoutLambdaProxies(Path list) throws IOException {
    List<String> kept = Files.readAllLines(list).stream()
        .filter(line -> !line.startsWith(LAMBDA_PROXY)).toList();
    Files.write(list, kept);
  }

  private static String classPath() {
    return System.getProperty("java.class.path");
  }

  private static void run(String step, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).inheritIO().start();
    if (!process.waitFor(STEP_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(step + " took more than " + STEP_SECONDS + " s");
    }
    if (process.exitValue() != 0) {
      throw new IOException(step + " exited with " + process.exitValue());
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      System.err.println("bantin: cannot delete " + file + ": " + e.getMessage());
    }
  }
}
