package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Editing through the admin page in headless Chromium: disable and edit a source without losing
 * what the list does not show, categories with a preview, and rolling feeds.yml back.
 */
class AdminPageEditingIT {
  private static HeadlessChromium chromium;

  @TempDir Path dir;
  private FixtureUpstream upstream;
  private TestServer server;
  private HeadlessChromium browser;

  @BeforeEach
  void start() throws Exception {
    if (chromium == null) {
      chromium = HeadlessChromium.start();
    }
    browser = chromium;
    upstream = new FixtureUpstream();
    server = TestServer.start(dir.resolve("data"), TestServer.TOKEN,
        AdminPageIT.feedsFile(dir, upstream));
    assertThat(server.refresh().statusCode()).isEqualTo(200);
    browser.open(server.url("/admin/"));
    AdminPageIT.signIn(browser, TestServer.TOKEN);
    browser.visible("the sources table", "tr[data-id='vov']");
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      assertThat(browser.consoleErrors()).as("script errors or CSP violations").isEmpty();
    }
    if (server != null) {
      server.close();
    }
    if (upstream != null) {
      upstream.close();
    }
  }

  @AfterAll
  static void quit() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void disablingAndEditingASourceKeepsItsTags() throws Exception {
    browser.find("tr[data-id='vov'] button[data-action='toggle']").click();
    browser.awaitText("the source is shown off", "tr[data-id='vov'] td.enabled", "Tắt");
    assertThat(feedsYml()).contains("enabled: false", "tags: [party]");
    assertThat(browser.find("tr[data-id='vov'] button[data-action='toggle']").getText())
        .isEqualTo("Bật");

    browser.find("tr[data-id='vov'] button[data-action='edit']").click();
    browser.await("the form holds the tags", ExpectedConditions.attributeToBe(
        By.id("source-tags"), "value", "party"));
    assertThat(browser.find("#source-id").getAttribute("readonly")).isNotNull();
    assertThat(browser.find("#source-enabled").isSelected()).isFalse();
    browser.fill("#source-title", "VOV – Thời sự");
    browser.find("#source-enabled").click();
    browser.find("#source-form button[type='submit']").click();
    browser.awaitText("the new title is listed", "tr[data-id='vov'] td.title", "VOV – Thời sự");
    assertThat(browser.find("tr[data-id='vov'] td.enabled").getText()).isEqualTo("Bật");
    assertThat(feedsYml()).contains("title: VOV – Thời sự", "tags: [party]")
        .doesNotContain("enabled:");
  }

  @Test
  void deletingASourceAsksFirst() throws Exception {
    browser.find("tr[data-id='vov'] button[data-action='delete']").click();
    browser.await("the question", ExpectedConditions.alertIsPresent()).dismiss();
    assertThat(feedsYml()).contains("id: vov");
    browser.find("tr[data-id='vov'] button[data-action='delete']").click();
    browser.await("the question", ExpectedConditions.alertIsPresent()).accept();
    browser.await("the source is gone", ExpectedConditions.invisibilityOfElementLocated(
        By.cssSelector("tr[data-id='vov']")));
    browser.awaitText("the notice", "#notice", "Đã xóa vov.");
    assertThat(feedsYml()).doesNotContain("id: vov").contains("id: dang");
  }

  @Test
  void categoriesAreAddedWithTheirErrorsShownAndPreviewed() throws Exception {
    browser.find("#tab-categories").click();
    browser.visible("the configured category", "#categories-table tr[data-id='dang']");

    browser.find("#category-add").click();
    browser.fill("#category-id", "lai-chau");
    browser.fill("#category-title", "Tin Lai Châu");
    browser.find("#category-sources-choices input[value='vov']").click();
    browser.fill("#category-include", "Lai Châu");
    browser.fill("#category-limit", "900");
    browser.find("#category-form button[type='submit']").click();
    WebElement limitError = browser.visible("the limit error next to the limit field",
        "#category-limit-error");
    assertThat(limitError.getText()).contains("500");
    assertThat(feedsYml()).doesNotContain("lai-chau");

    browser.fill("#category-limit", "20");
    browser.find("#category-form button[type='submit']").click();
    WebElement row = browser.visible("the new category is listed",
        "#categories-table tr[data-id='lai-chau']");
    assertThat(row.getText()).contains("Tin Lai Châu", "nguồn: vov", "giữ: Lai Châu");
    assertThat(feedsYml()).contains("id: lai-chau", "sources: [vov]", "limit: 20");

    browser.find("#categories-table tr[data-id='dang'] button[data-action='preview']").click();
    WebElement frame = browser.visible("the preview frame", "#preview-frame");
    assertThat(frame.getAttribute("sandbox")).isEmpty();
    browser.await("the preview shows the category's stories",
        ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("preview-frame")));
    try {
      browser.awaitText("a story of vov in the preview", "body",
          "Lai Châu đẩy mạnh phát triển cây chè");
    } finally {
      browser.driver().switchTo().defaultContent();
    }
  }

  @Test
  void anOlderVersionOfFeedsYmlIsRolledBack() throws Exception {
    browser.find("tr[data-id='vov'] button[data-action='toggle']").click();
    browser.awaitText("the source is shown off", "tr[data-id='vov'] td.enabled", "Tắt");
    browser.find("#tab-config").click();
    browser.visible("version 2 is in force", "#history-table tr[data-version='2']");
    assertThat(browser.find("#history-table tr[data-version='2']").getText())
        .contains("đang dùng");

    browser.find("#history-table tr[data-version='1'] button[data-action='rollback']").click();
    browser.await("the confirmation", ExpectedConditions.alertIsPresent()).accept();
    browser.awaitText("the rollback is reported", "#config-result", "Đã quay về phiên bản 1");
    browser.visible("version 3 is in force", "#history-table tr[data-version='3']");
    assertThat(feedsYml()).doesNotContain("enabled: false");
    browser.find("#tab-sources").click();
    browser.awaitText("the source is on again", "tr[data-id='vov'] td.enabled", "Bật");
  }

  @Test
  void aBrokenHandEditOfFeedsYmlIsShownWhileTheLastGoodOneServes() throws Exception {
    Path file = dir.resolve("feeds.yml");
    Files.writeString(file, feedsYml().replaceFirst("url: .*", "url: ftp://broken"));
    // The server looks at the file every couple of seconds; reload until the page shows it.
    browser.await("the status line reports the broken file", driver -> {
      WebElement reload = browser.find("#reload-sources");
      if (!reload.isEnabled()) {
        return null; // a reload is on its way
      }
      if (browser.find("#file-problems").isDisplayed()) {
        return true;
      }
      reload.click();
      return null;
    });
    assertThat(browser.find("#file-problems").getText())
        .contains("sources[0].url", "dòng 5");
    assertThat(browser.find("#status").getAttribute("class")).contains("bad");
    assertThat(browser.find("#status").getText()).contains("có lỗi nên chưa được áp dụng");
    assertThat(browser.find("tr[data-id='vov'] td.url").getText()).startsWith("http://");
  }

  private String feedsYml() throws Exception {
    return Files.readString(dir.resolve("feeds.yml"));
  }
}
