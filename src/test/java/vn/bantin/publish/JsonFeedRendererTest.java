package vn.bantin.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.publish.StoryFixtures.META;
import static vn.bantin.publish.StoryFixtures.STORIES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFeedRendererTest {

  private final JsonNode feed = read(new JsonFeedRenderer().render(META, STORIES));

  @Test
  void feedHasTheFieldsJsonFeed11Requires() {
    assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
    assertThat(feed.path("title").asText()).isEqualTo("Xây dựng Đảng");
    assertThat(feed.path("home_page_url").asText())
        .isEqualTo("https://bantin.example.vn/feeds/xay-dung-dang.html");
    assertThat(feed.path("feed_url").asText())
        .isEqualTo("https://bantin.example.vn/feeds/xay-dung-dang.json");
    assertThat(feed.path("description").asText()).isEqualTo("Tin công tác xây dựng Đảng");
    assertThat(feed.path("language").asText()).isEqualTo("vi");
    assertThat(feed.path("items").isArray()).isTrue();
    assertThat(feed.path("items")).hasSize(STORIES.size());
    for (JsonNode item : feed.path("items")) {
      assertThat(item.path("id").isTextual()).as("id is a string").isTrue();
      assertThat(item.has("content_html") || item.has("content_text"))
          .as("content_html or content_text").isTrue();
    }
  }

  @Test
  void itemsCarryStableIdsDatesAndOptionalFields() {
    JsonNode items = feed.path("items");
    List<String> ids = new ArrayList<>();
    items.forEach(item -> ids.add(item.path("id").asText()));
    assertThat(ids).containsExactly("urn:bantin:story:s-0001", "urn:bantin:story:s-0002",
        "urn:bantin:story:s-0003", "urn:bantin:story:s-0004");
    JsonNode merged = items.get(0);
    assertThat(merged.path("url").asText()).isEqualTo(StoryFixtures.MERGED.link());
    assertThat(merged.path("content_html").asText()).isEqualTo(StoryFixtures.MERGED.contentHtml());
    assertThat(merged.path("summary").asText())
        .isEqualTo("Hội nghị triển khai nhiệm vụ công tác xây dựng Đảng năm 2025.");
    assertThat(merged.path("date_published").asText()).isEqualTo("2025-03-05T08:30:00Z");
    assertThat(merged.path("authors").get(0).path("name").asText()).isEqualTo("Minh Anh");
    JsonNode noLink = items.get(2);
    assertThat(noLink.has("url")).as("null link left out").isFalse();
    assertThat(noLink.has("authors")).as("null author left out").isFalse();
    assertThat(noLink.path("content_html").asText()).as("no content: summary stands in")
        .isEqualTo(StoryFixtures.NO_LINK.summaryHtml());
    assertThat(items.get(3).has("summary")).as("empty summary left out").isFalse();
  }

  @Test
  void extensionListsEverySourceOfTheStory() {
    JsonNode sources = feed.path("items").get(0).path("_bantin").path("sources");
    assertThat(sources).hasSize(3);
    List<String> rows = new ArrayList<>();
    sources.forEach(s -> rows.add(s.path("id").asText() + " | " + s.path("title").asText()
        + " | " + s.path("url").asText()));
    assertThat(rows).containsExactly(
        "vov-chinh-tri | VOV – Chính trị | "
            + "https://vov.vn/chinh-tri/dang-uy-khoi-trien-khai-nhiem-vu-2025-post1.vov",
        "nhan-dan | Nhân Dân | https://nhandan.vn/dang-uy-khoi-trien-khai-nhiem-vu-post2.html",
        "dcs-vn | Đảng Cộng sản Việt Nam | "
            + "https://dangcongsan.vn/xay-dung-dang/trien-khai-nhiem-vu-3.html");
    JsonNode urlless = feed.path("items").get(2).path("_bantin").path("sources").get(0);
    assertThat(urlless.path("id").asText()).isEqualTo("bao-lai-chau");
    assertThat(urlless.has("url")).as("null url left out").isFalse();
  }

  @Test
  void emptyDescriptionIsLeftOut() {
    FeedMeta bare = new FeedMeta("all", "Tất cả", "", "https://bantin.example.vn",
        StoryFixtures.UPDATED);
    JsonNode empty = read(new JsonFeedRenderer().render(bare, List.of()));
    assertThat(empty.has("description")).isFalse();
    assertThat(empty.path("items").isArray()).isTrue();
    assertThat(empty.path("items")).isEmpty();
  }

  static JsonNode read(byte[] json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + new String(json, StandardCharsets.UTF_8), e);
    }
  }
}
