package vn.bantin.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.publish.StoryFixtures.META;
import static vn.bantin.publish.StoryFixtures.STORIES;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.bantin.model.Story;

/**
 * Python's feedparser, the reader behind many aggregators, as an outside judge of the output.
 * Skipped where no python3 with feedparser exists (Debian: {@code apt-get install
 * python3-feedparser}); JSON Feed needs feedparser 6.1 or later, which Debian 12 lacks. The
 * HTML list is no feed and is left out.
 */
class FeedparserTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = Format.class, names = "HTML", mode = EnumSource.Mode.EXCLUDE)
  void feedparserReadsEveryStoryWithoutComplaint(Format format) throws Exception {
    Optional<String> python = pythonWith("feedparser");
    Assumptions.assumeTrue(python.isPresent(), "python3 with feedparser absent: skipped");
    if (format == Format.JSON) {
      Assumptions.assumeTrue(pythonWith("feedparser.parsers.json").isPresent(),
          "this feedparser cannot read JSON Feed: skipped");
    }
    Path feed = dir.resolve("xay-dung-dang." + format.extension());
    Files.write(feed, StoryFixtures.renderer(format).render(META, STORIES));
    Path script = Path.of(getClass().getResource("/publish/feedparser_summary.py").toURI());

    JsonNode seen = JsonFeedRendererTest.read(run(python.get(), script.toString(), feed.toString()));

    assertThat(seen.path("bozo").asInt()).as(seen.path("bozo_exception").asText())
        .isZero();
    assertThat(seen.path("title").asText()).isEqualTo(META.title());
    List<String> expected = new ArrayList<>();
    for (Story s : STORIES) {
      expected.add(FeedFields.storyId(s) + " | " + s.title() + " | "
          + (s.link() == null ? "" : s.link()));
    }
    List<String> entries = new ArrayList<>();
    for (JsonNode e : seen.path("entries")) {
      String id = e.path("id").asText();
      String link = e.path("link").asText();
      // feedparser offers an Atom entry's id as its link when it has none: that is still "none".
      entries.add(id + " | " + e.path("title").asText() + " | " + (link.equals(id) ? "" : link));
    }
    assertThat(entries).containsExactlyElementsOf(expected);
  }

  // PATH's python3 may be another install than the distribution's, which apt provides for.
  private static Optional<String> pythonWith(String module) {
    for (String python : List.of("python3", "/usr/bin/python3")) {
      try {
        Process p = new ProcessBuilder(python, "-c", "import " + module)
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return Optional.of(python);
        }
        p.destroy();
      } catch (IOException e) {
        // no such interpreter here: try the next candidate
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return Optional.empty();
  }

  private byte[] run(String... command) throws Exception {
    Path errors = dir.resolve("stderr.txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
    builder.environment().put("PYTHONIOENCODING", "utf-8");
    Process p = builder.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("feedparser finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(errors, StandardCharsets.UTF_8)).isZero();
    return out;
  }
}
