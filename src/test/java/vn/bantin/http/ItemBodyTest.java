package vn.bantin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.bantin.config.FeedsYamlEditor.Section;

class ItemBodyTest {

  private static ItemBody.Read read(String json, Section section, String pathId) {
    return ItemBody.read(Buffer.buffer(json), section, pathId);
  }

  @Test
  void aSourceBecomesFeedsYamlFieldsWithTheIdFirstAndNullsLeftOut() {
    ItemBody.Read read = read("""
        {"title": "VOV – Kinh tế", "url": "https://vov.vn/rss/kinh-te.rss",
         "tags": ["national"], "interval": null, "enabled": false, "id": "vov-kinh-te"}""",
        Section.SOURCES, null);
    assertThat(read).isInstanceOf(ItemBody.Fields.class);
    var fields = ((ItemBody.Fields) read).fields();
    assertThat(fields.keySet()).containsExactly("id", "title", "url", "tags", "enabled");
    assertThat(fields.get("tags")).isEqualTo(List.of("national"));
    assertThat(fields.get("enabled")).isEqualTo(false);
  }

  @Test
  void aCategoryKeepsItsNumbersAndLists() {
    var fields = ((ItemBody.Fields) read("""
        {"id": "lai-chau", "title": "Lai Châu", "sources": [], "tags": ["lai-chau"],
         "include": ["Lai Châu"], "max_age": "30d", "limit": 20, "description": null}""",
        Section.CATEGORIES, null)).fields();
    assertThat(fields).containsEntry("limit", 20).containsEntry("max_age", "30d")
        .doesNotContainKey("description");
  }

  @Test
  void aPutTakesItsIdFromThePath() {
    var fields = ((ItemBody.Fields) read("{\"title\": \"VOV\"}", Section.SOURCES, "vov"))
        .fields();
    assertThat(fields.keySet()).containsExactly("id", "title");
    assertThat(fields.get("id")).isEqualTo("vov");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      not JSON                 | SOURCES    | -   | {"id":                          | -
      an array                 | SOURCES    | -   | [{"id": "vov"}]                 | -
      a string                 | SOURCES    | -   | "vov"                           | -
      empty                    | SOURCES    | -   | ''                              | -
      no id on POST            | SOURCES    | -   | {"title": "VOV"}                | id
      id of another item       | SOURCES    | vov | {"id": "vtv"}                   | id
      a numeric id             | SOURCES    | -   | {"id": 7}                       | id
      tags not a list          | SOURCES    | -   | {"id": "vov", "tags": "party"}  | tags
      a number among tags      | SOURCES    | -   | {"id": "vov", "tags": ["a", 1]} | tags
      enabled as a string      | SOURCES    | -   | {"id": "vov", "enabled": "yes"} | enabled
      interval as a number     | SOURCES    | -   | {"id": "vov", "interval": 600}  | interval
      an unknown key           | SOURCES    | -   | {"id": "vov", "limit": 5}       | limit
      camelCase key            | CATEGORIES | -   | {"id": "x", "maxAge": "1d"}     | maxAge
      limit as a fraction      | CATEGORIES | -   | {"id": "x", "limit": 2.5}       | limit
      limit beyond int         | CATEGORIES | -   | {"id": "x", "limit": 9999999999} | limit
      """)
  void refusesWhatIsNotAnItem(String name, Section section, String pathId, String json,
      String field) {
    ItemBody.Read read = read(json, section, pathId);
    assertThat(read).isInstanceOf(ItemBody.Bad.class);
    assertThat(((ItemBody.Bad) read).field()).isEqualTo(field);
  }
}
