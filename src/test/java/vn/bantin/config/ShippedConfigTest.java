package vn.bantin.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two files bantin ships (surefire runs in the project directory). */
class ShippedConfigTest {

  @Test
  void shippedBantinYmlLoadsAndDocumentsExactlyTheDefaults() throws Exception {
    Settings shipped = ConfigLoader.loadSettings(Path.of("conf/bantin.yml"), Map.of());

    assertThat(shipped).isEqualTo(ConfigLoader.defaults());
  }

  @Test
  void everySettingOfShippedBantinYmlHasACommentLineAboveIt() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("conf/bantin.yml"));
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("  ") && !line.trim().startsWith("#")) {
        assertThat(lines.get(i - 1).trim()).as("line %d: %s", i + 1, line).startsWith("#");
      }
    }
  }

  @Test
  void shippedFeedsYmlLoads() throws Exception {
    FeedsConfig feeds = ConfigLoader.loadFeeds(Path.of("feeds.yml"));

    assertThat(feeds.defaultInterval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(feeds.sources()).hasSizeBetween(8, 12);
    assertThat(feeds.sources()).allSatisfy(s -> {
      assertThat(s.url()).startsWith("https://");
      assertThat(s.enabled()).isTrue();
    });
    assertThat(feeds.sources()).extracting(SourceConfig::id)
        .contains("vov-chinh-tri", "nhandan-chinh-tri", "dcsvn-tin-moi", "bao-lai-chau");
    assertThat(feeds.categories()).extracting(CategoryConfig::id)
        .containsExactly("xay-dung-dang", "lai-chau", "kinh-te", "thoi-su");
    assertThat(feeds.category("xay-dung-dang").orElseThrow().include())
        .containsExactly("Đảng", "chi bộ", "đảng viên");
  }

  @Test
  void everyTagACategoryOfShippedFeedsYmlNamesIsCarriedBySomeSource() throws Exception {
    FeedsConfig feeds = ConfigLoader.loadFeeds(Path.of("feeds.yml"));

    for (CategoryConfig c : feeds.categories()) {
      assertThat(c.tags()).as(c.id()).allSatisfy(tag ->
          assertThat(feeds.sources()).anySatisfy(s -> assertThat(s.tags()).contains(tag)));
    }
  }
}
