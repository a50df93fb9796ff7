package vn.bantin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.config.ConfigServiceFixture.TWO_PROBLEMS;
import static vn.bantin.config.ConfigServiceFixture.V1;
import static vn.bantin.config.ConfigServiceFixture.V2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One JSON line per attempted change in data/audit.log: who, what, how it ended; no YAML. */
class AuditLogTest {
  @TempDir Path tmp;

  @Test
  void everyAttemptLeavesOneLineWithItsResult() throws Exception {
    ConfigServiceFixture f = new ConfigServiceFixture(tmp, V1);
    ConfigService service = f.start();
    String v1 = service.current().etag();
    f.tick();
    service.replace(V2, v1, "token:3f9a1c2b");
    service.replace(V1, v1, "token:77aa0b1c");
    service.replace(TWO_PROBLEMS, null, "token:3f9a1c2b");
    service.replace(V2, null, "token:3f9a1c2b");
    service.rollback(1, null, "token:3f9a1c2b");
    f.editByHand(V2);
    service.reloadIfChanged();

    List<JsonNode> lines = new ArrayList<>();
    for (String line : f.auditLines()) {
      lines.add(new ObjectMapper().readTree(line));
    }

    assertThat(lines).extracting(l -> l.get("actor").asText() + " " + l.get("action").asText()
        + " " + l.get("result").asText() + " " + l.get("version").asText())
        .containsExactly(
            "file reload saved 1",
            "token:3f9a1c2b replace saved 2",
            "token:77aa0b1c replace stale 2",
            "token:3f9a1c2b replace invalid null",
            "token:3f9a1c2b replace unchanged 2",
            "token:3f9a1c2b rollback saved 3",
            "file reload saved 4");
    assertThat(lines.get(1).get("at").asText()).isEqualTo("2026-03-01T08:01:00Z");
    assertThat(lines.get(1).get("summary").asText()).isEqualTo("source bao-lai-chau added");
    assertThat(lines.get(3).get("summary").asText())
        .startsWith("2 problems: feeds.yml:6 sources[0].url: not an http(s) URL; feeds.yml:8");
    assertThat(lines.get(5).get("summary").asText())
        .isEqualTo("rollback to version 1: source bao-lai-chau removed");
    assertThat(lines).allSatisfy(l -> assertThat(l.fieldNames()).toIterable()
        .containsExactly("at", "actor", "action", "result", "version", "summary"));
  }

  @Test
  void noLineCarriesTheYamlText() throws Exception {
    ConfigServiceFixture f = new ConfigServiceFixture(tmp, V1);
    ConfigService service = f.start();
    service.replace(V2, null, "token:3f9a1c2b");
    service.replace(TWO_PROBLEMS, null, "token:3f9a1c2b");
    f.editByHand(TWO_PROBLEMS);
    service.reloadIfChanged();

    assertThat(f.auditLines()).hasSize(4).allSatisfy(line -> assertThat(line)
        .doesNotContain("https://baolaichau.vn/rss/home.rss")
        .doesNotContain("Lai Châu portal")
        .doesNotContain("Xây dựng Đảng"));
  }
}
