package vn.bantin.curate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bantin.config.CategoryConfig;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.SourceConfig;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;

class CategoriesTest {
  private static final SourceConfig VOV = source("vov", true, "party", "national");
  private static final SourceConfig BLC = source("baolaichau", true, "lai-chau");
  private static final SourceConfig OFF = source("tat", false, "party");

  private static SourceConfig source(String id, boolean enabled, String... tags) {
    return new SourceConfig(id, id, "https://" + id + ".vn/rss", List.of(tags),
        Duration.ofMinutes(15), enabled);
  }

  private static CategoryConfig category(String id, List<String> sources, List<String> tags,
      List<String> include, List<String> exclude) {
    return new CategoryConfig(id, id, "", sources, tags, include, exclude, null, 50);
  }

  private static final FeedsConfig CONFIG = new FeedsConfig(Duration.ofMinutes(15),
      List.of(VOV, BLC, OFF), List.of(
          category("xay-dung-dang", List.of(), List.of("party"), List.of("Đảng", "chi bộ"),
              List.of("quảng cáo")),
          category("lai-chau", List.of("baolaichau"), List.of(), List.of(), List.of()),
          category("tat-only", List.of("tat"), List.of(), List.of(), List.of())));

  private static Story story(String title, String summary, String... sources) {
    return new Story("s", null, title, summary, "", null, Instant.EPOCH,
        java.util.Arrays.stream(sources).map(id -> new SourceRef(id, null, null)).toList());
  }

  @Test
  void aStoryBelongsToEveryCategoryWhoseRulesItMeets() {
    Categories categories = new Categories(CONFIG);
    assertThat(categories.of(story("Đảng bộ Lai Châu họp", "", "vov", "baolaichau")))
        .containsExactly("all", "lai-chau", "xay-dung-dang");
    assertThat(categories.of(story("Giá lúa đang tăng", "", "vov"))).containsExactly("all");
    assertThat(categories.of(story("Sinh hoạt chi bộ", "<p>quảng cáo</p>", "vov")))
        .as("excluded by a keyword in the summary").containsExactly("all");
  }

  @Test
  void eachKeywordCategoryJudgesTheSameStoryTextByItsOwnKeywords() {
    Categories categories = new Categories(new FeedsConfig(Duration.ofMinutes(15),
        List.of(VOV, BLC), List.of(
            category("dang", List.of("vov"), List.of(), List.of("Đảng"), List.of()),
            category("lai-chau", List.of("vov"), List.of(), List.of("lai chau"),
                List.of("bão")),
            category("no-keywords", List.of("baolaichau"), List.of(), List.of(), List.of()))));
    assertThat(categories.of(story("Tin tức", "<p>Đảng bộ tỉnh <b>Lai Châu</b></p>", "vov")))
        .containsExactly("all", "dang", "lai-chau");
    assertThat(categories.of(story("Lai Châu: bão số 3", "", "vov", "baolaichau")))
        .containsExactly("all", "no-keywords");
    assertThat(categories.of(story("Giá lúa đang tăng", "", "vov"))).containsExactly("all");
  }

  @Test
  void disabledSourcesFeedNoCategoryNotEvenAll() {
    Categories categories = new Categories(CONFIG);
    assertThat(categories.of(story("Đảng bộ họp", "", "tat"))).isEmpty();
    assertThat(categories.find("all").orElseThrow().sourceIds())
        .containsExactlyInAnyOrder("vov", "baolaichau");
  }

  @Test
  void theVersionChangesWithTheRulesOnly() {
    String version = new Categories(CONFIG).version();
    assertThat(new Categories(CONFIG).version()).isEqualTo(version);
    FeedsConfig otherKeyword = new FeedsConfig(CONFIG.defaultInterval(), CONFIG.sources(),
        List.of(category("xay-dung-dang", List.of(), List.of("party"), List.of("Đảng"),
            List.of())));
    assertThat(new Categories(otherKeyword).version()).isNotEqualTo(version);
    FeedsConfig retitledSource = new FeedsConfig(CONFIG.defaultInterval(), List.of(
        new SourceConfig("vov", "VOV mới", VOV.url(), VOV.tags(), VOV.interval(), true), BLC,
        OFF), CONFIG.categories());
    assertThat(new Categories(retitledSource).version()).isEqualTo(version);
  }
}
