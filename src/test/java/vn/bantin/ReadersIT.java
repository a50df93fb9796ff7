package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bantin.config.FeedsConfig;

/**
 * Real feed readers subscribe to bantin over HTTP: Debian's python3-feedparser and newsboat.
 * Each test skips, saying so, when its reader is not installed ({@code .ci/run} installs both).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadersIT {
  private static final String PYTHON = "/usr/bin/python3";
  /** The fixtures make three stories: two from VOV (one shared with Nhân Dân) and Nhân Dân's own. */
  private static final int STORIES = 3;

  private FixtureUpstream upstream;
  private TestServer server;

  @BeforeAll
  void start(@TempDir Path data) throws Exception {
    upstream = new FixtureUpstream();
    FeedsConfig feeds = new FeedsConfig(Duration.ofHours(1), List.of(
        TestServer.source("vov", upstream.serve("/vov.rss", "rss20_two_items.xml")),
        TestServer.source("nhandan", upstream.serve("/nd.atom", "atom10_one_shared_link.xml"))),
        List.of());
    server = TestServer.start(data, TestServer.TOKEN, feeds);
    server.refresh();
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    upstream.close();
  }

  @ParameterizedTest(name = "feedparser reads {0} without complaint")
  @ValueSource(strings = {"rss", "atom"})
  void feedparserReadsTheFeed(String format) throws Exception {
    assumeTrue(run(PYTHON, "-c", "import feedparser").exit == 0,
        "python3-feedparser is not installed: skipped");
    Result r = run(PYTHON, "-c", """
        import feedparser, sys
        d = feedparser.parse(sys.argv[1])
        print(int(d.bozo), len(d.entries), d.feed.get('title'), d.version)
        for e in d.entries:
            assert e.get('id') and e.get('title') and e.get('link'), e
        """, server.url("/feeds/all." + format));
    assertThat(r.exit).as(r.output).isZero();
    assertThat(r.output.strip()).startsWith("0 " + STORIES + " Tất cả tin");
  }

  @ParameterizedTest(name = "newsboat reads {0} without complaint")
  @ValueSource(strings = {"rss", "atom"})
  void newsboatReadsTheFeed(String format, @TempDir Path dir) throws Exception {
    assumeTrue(run("sh", "-c", "command -v newsboat").exit == 0,
        "newsboat is not installed: skipped");
    Files.writeString(dir.resolve("urls"), server.url("/feeds/all." + format) + "\n");
    Path errors = dir.resolve("errors.log");
    Files.writeString(dir.resolve("config"), "download-timeout 10\nerror-log " + errors + "\n");
    Result r = run("newsboat", "-u", dir.resolve("urls").toString(),
        "-c", dir.resolve("cache.db").toString(), "-C", dir.resolve("config").toString(),
        "-x", "reload", "print-unread");
    assertThat(r.exit).as(r.output).isZero();
    assertThat(r.output).contains(STORIES + " unread articles");
    assertThat(Files.exists(errors) ? Files.readString(errors) : "").isEmpty();
  }

  private record Result(int exit, String output) {}

  private static Result run(String... command) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      return new Result(127, e.getMessage());
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(-1, output + " (timed out)");
    }
    return new Result(p.exitValue(), output);
  }
}
