package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as users run it: a separate JVM, its exit code and what it prints. */
class MainIT {
  @TempDir Path dir;

  @Test
  void anInvalidFeedsFileStopsStartUpNamingFileLineAndField() throws Exception {
    Path feeds = dir.resolve("feeds.yml");
    Files.writeString(feeds, """
        version: 1
        sources:
          - id: vov
            title: VOV
            url: ftp://vov.vn/rss
        """);
    Process p = java("--conf", writeConf("").toString(), "--feeds", feeds.toString());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).isNotZero();
    assertThat(stderr).contains("feeds.yml:5 sources[0].url: ");
  }

  @Test
  void sigtermFinishesAndExitsZero() throws Exception {
    try (FixtureUpstream upstream = new FixtureUpstream()) {
      Path feeds = dir.resolve("feeds.yml");
      Files.writeString(feeds, """
          version: 1
          sources:
            - id: vov
              title: VOV
              url: %s
          """.formatted(upstream.serve("/vov.rss", "rss20_two_items.xml")));
      Process p = java("--conf", writeConf("""
            allow_private_networks: true
          """).toString(), "--feeds", feeds.toString());
      List<String> log = new ArrayList<>();
      BufferedReader err = new BufferedReader(
          new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = err.readLine()) != null && !line.contains("bantin serving on")) {
        log.add(line);
      }
      assertThat(line).as("start-up log: %s", log).isNotNull();
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
    }
  }

  private Path writeConf(String fetchExtra) throws Exception {
    Path conf = dir.resolve("bantin.yml");
    Files.writeString(conf, """
        http:
          host: 127.0.0.1
          port: 0
        store:
          data_dir: %s
        fetch:
          connect_timeout: 2s
        %s""".formatted(dir.resolve("data"), fetchExtra));
    return conf;
  }

  private static Process java(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }
}
