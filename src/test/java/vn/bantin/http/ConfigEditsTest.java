package vn.bantin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigService;
import vn.bantin.config.FeedsYamlEditor.Section;
import vn.bantin.config.SaveResult;

/** The precondition and retry rules of item edits, against a real ConfigService on disk. */
class ConfigEditsTest {
  private static final String FEEDS = """
      # Tin tỉnh Lai Châu
      version: 1
      sources:
        - id: vov
          title: VOV
          url: https://vov.vn/rss/chinh-tri.rss
      categories: []
      """;

  @TempDir Path dir;
  private Path feedsFile;
  private ConfigService service;
  private ConfigEdits edits;

  @BeforeEach
  void open() throws Exception {
    feedsFile = dir.resolve("feeds.yml");
    Files.writeString(feedsFile, FEEDS);
    service = new ConfigService(feedsFile, dir.resolve("history"), Duration.ofMinutes(15), 20,
        InstantSource.fixed(Instant.parse("2026-11-24T08:00:00Z")), change -> { });
    edits = new ConfigEdits(service, "token:0badc0de");
  }

  private static Map<String, Object> source(String id) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", id);
    fields.put("title", "Nguồn " + id);
    fields.put("url", "https://example.vn/" + id + ".rss");
    return fields;
  }

  @Test
  void anEditNamingNoVersionIsRedoneOnAHandEditItWouldOtherwiseOverwrite() throws Exception {
    Files.writeString(feedsFile, FEEDS.replace("title: VOV", "title: VOV – Chính trị"));
    EditOutcome outcome = edits.upsert(Section.SOURCES, source("vtv"), true, IfMatch.ABSENT);
    assertThat(outcome).isInstanceOf(EditOutcome.Attempted.class);
    assertThat(((EditOutcome.Attempted) outcome).result()).isInstanceOf(SaveResult.Saved.class);
    assertThat(Files.readString(feedsFile)).contains("title: VOV – Chính trị", "id: vtv");
  }

  @Test
  void anEditNamingAVersionIsStaleOnceAHandEditCameIn() throws Exception {
    String seen = service.current().etag();
    Files.writeString(feedsFile, FEEDS.replace("title: VOV", "title: VOV – Chính trị"));
    String handEdited = Files.readString(feedsFile);
    EditOutcome outcome = edits.upsert(Section.SOURCES, source("vtv"), true,
        IfMatch.parse(seen));
    assertThat(((EditOutcome.Attempted) outcome).result()).isInstanceOf(SaveResult.Stale.class);
    assertThat(Files.readString(feedsFile)).isEqualTo(handEdited);
  }

  @Test
  void existenceIsCheckedBeforeAnythingIsWritten() {
    assertThat(edits.upsert(Section.SOURCES, source("vov"), true, IfMatch.ABSENT))
        .isEqualTo(new EditOutcome.Refused(409, "exists",
            "source vov exists; PUT it to change it"));
    assertThat(edits.upsert(Section.CATEGORIES, Map.of("id", "lai-chau", "title", "Lai Châu",
        "tags", List.of("x")), false, IfMatch.ABSENT))
        .isInstanceOf(EditOutcome.Refused.class)
        .extracting(r -> ((EditOutcome.Refused) r).status()).isEqualTo(404);
    assertThat(edits.remove(Section.SOURCES, "vtv", IfMatch.ABSENT))
        .extracting(r -> ((EditOutcome.Refused) r).status()).isEqualTo(404);
    assertThat(service.history()).hasSize(1);
  }

  @Test
  void aRollbackToAVersionNotKeptIsNotFound() {
    assertThat(edits.rollback(7, IfMatch.parse("*")))
        .extracting(r -> ((EditOutcome.Refused) r).status()).isEqualTo(404);
  }
}
