package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.SourceConfig;

/**
 * The admin page end to end: served with a strict policy, and used in a real headless Chromium
 * the way a person would (type the token, add a source, refresh it, read a validation message).
 */
class AdminPageIT {
  private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
      + "form-action 'self'";
  /** A title that would run script if the page ever put data into markup. */
  private static final String HOSTILE = "<img src=x onerror=\"document.title='pwned'\">Tin & \"tức\"";

  private static HeadlessChromium chromium;

  @TempDir Path dir;

  /** One browser for the class (each test has its own server, hence its own origin). */
  private static HeadlessChromium chromium() throws Exception {
    if (chromium == null) {
      chromium = HeadlessChromium.start();
    }
    return chromium;
  }

  @AfterAll
  static void quit() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void thePageIsServedWithAStrictPolicyAndRevalidated() throws Exception {
    try (FixtureUpstream upstream = new FixtureUpstream();
        TestServer server = TestServer.start(dir, TestServer.TOKEN, feeds(upstream))) {
      HttpResponse<String> bare = server.get("/admin");
      assertThat(bare.statusCode()).isEqualTo(301);
      assertThat(bare.headers().firstValue("Location")).hasValue("admin/");
      for (var file : List.of(List.of("/admin/", "text/html; charset=utf-8"),
          List.of("/admin/admin.js", "text/javascript; charset=utf-8"),
          List.of("/admin/admin.css", "text/css; charset=utf-8"),
          List.of("/admin/icon.svg", "image/svg+xml"))) {
        HttpResponse<String> r = server.get(file.get(0));
        assertThat(r.statusCode()).as(file.get(0)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).as(file.get(0)).hasValue(file.get(1));
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(server.get(file.get(0), "If-None-Match", etag).statusCode()).isEqualTo(304);
      }
      assertThat(server.get("/admin/index.html").body()).contains("<script src=\"admin.js\"");
      assertThat(server.head("/admin/admin.js").statusCode()).isEqualTo(200);
      assertThat(server.get("/admin/nope.js").statusCode()).isEqualTo(404);
      assertThat(server.get("/admin/..%2Fpom.xml").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void withoutATokenConfiguredThereIsNoPage() throws Exception {
    try (FixtureUpstream upstream = new FixtureUpstream();
        TestServer server = TestServer.start(dir, "", feeds(upstream))) {
      for (String path : List.of("/admin", "/admin/", "/admin/admin.js", "/admin/index.html")) {
        assertThat(server.get(path).statusCode()).as(path).isEqualTo(404);
      }
    }
  }

  @Test
  void anAdminAddsASourceSeesItPolledAndReadsAValidationError() throws Exception {
    try (FixtureUpstream upstream = new FixtureUpstream();
        TestServer server = TestServer.start(dir.resolve("data"), TestServer.TOKEN,
            feedsFile(dir, upstream))) {
      String laiChau = upstream.serve("/lai-chau.rss", "rss20_two_items.xml");
      HeadlessChromium browser = chromium();
      browser.open(server.url("/admin"));
      signIn(browser, TestServer.TOKEN);
      browser.visible("the sources table", "tr[data-id='vov']");

      browser.find("#source-add").click();
      browser.fill("#source-id", "bao-lai-chau");
      browser.fill("#source-title", "Báo Lai Châu");
      browser.fill("#source-url", laiChau);
      browser.fill("#source-tags", "lai-chau, tinh");
      browser.find("#source-form button[type='submit']").click();
      WebElement row = browser.visible("the new source is listed", "tr[data-id='bao-lai-chau']");
      assertThat(row.findElement(By.cssSelector("td.title")).getText()).isEqualTo("Báo Lai Châu");
      assertThat(browser.find("#source-form").isDisplayed()).isFalse();
      assertThat(Files.readString(dir.resolve("feeds.yml")))
          .contains("id: bao-lai-chau", "tags: [lai-chau, tinh]");

      // A saved source is polled at once; the refresh either joins that poll (200) or follows
      // it with a conditional GET (304). Either way the page shows a polled source.
      row.findElement(By.cssSelector("button[data-action='refresh']")).click();
      browser.awaitText("the refresh summary", "#sources-summary", "Làm mới bao-lai-chau: 1 nguồn");
      browser.await("the source was polled", ExpectedConditions.textMatches(
          By.cssSelector("tr[data-id='bao-lai-chau'] td.last-status"), Pattern.compile("200|304")));
      String entries = browser.find("tr[data-id='bao-lai-chau'] td.entries").getText();
      assertThat(Integer.parseInt(entries)).isEqualTo(2);
      assertThat(browser.find("tr[data-id='bao-lai-chau'] td.last-error").getText()).isEqualTo("—");
      assertThat(browser.find("tr[data-id='bao-lai-chau'] td.last-status").getAttribute("class"))
          .contains("http-ok");
      // The first fetch was unconditional, so the upstream answered it 200 with the feed.
      assertThat(upstream.seen("/lai-chau.rss").get(0).ifNoneMatch()).isNull();
      browser.screenshot(Path.of("target", "admin-sources.png"));

      browser.find("#source-add").click();
      browser.fill("#source-id", "hong");
      browser.fill("#source-title", "Nguồn hỏng");
      browser.fill("#source-url", "ftp://x");
      browser.find("#source-form button[type='submit']").click();
      WebElement urlError = browser.visible("the URL error next to the URL field",
          "#source-url-error");
      assertThat(urlError.getText()).contains("URL");
      assertThat(browser.find("#source-url").getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(browser.find("#source-title-error").isDisplayed()).isFalse();
      assertThat(browser.find("#source-form-errors").isDisplayed()).isFalse();
      assertThat(browser.driver().findElements(By.cssSelector("tr[data-id='hong']"))).isEmpty();
      assertThat(Files.readString(dir.resolve("feeds.yml"))).doesNotContain("hong");
      assertThat(browser.consoleErrors()).as("script errors or CSP violations").isEmpty();
    }
  }

  @Test
  void aWrongTokenIsRefusedAndTheRightOneIsAskedOncePerSession() throws Exception {
    try (FixtureUpstream upstream = new FixtureUpstream();
        TestServer server = TestServer.start(dir, TestServer.TOKEN, feeds(upstream))) {
      HeadlessChromium browser = chromium();
      browser.open(server.url("/admin"));
      signIn(browser, "not-the-token");
      browser.awaitText("the login form says the token is wrong", "#login-error",
          "Mã quản trị không đúng");
      signIn(browser, TestServer.TOKEN);
      browser.visible("the sources table lists vov", "tr[data-id='vov']");

      browser.driver().navigate().refresh();
      browser.visible("a reload keeps the session's token", "tr[data-id='vov']");
      assertThat(browser.find("#login").isDisplayed()).isFalse();

      browser.find("#lang").click();
      assertThat(browser.find("#tab-sources").getText()).isEqualTo("Sources");
      assertThat(browser.find("tr[data-id='vov'] button[data-action='edit']").getText())
          .isEqualTo("Edit");
      browser.driver().navigate().refresh();
      browser.awaitText("the language choice is kept", "#tab-sources", "Sources");
      browser.find("#lang").click();
      assertThat(browser.find("#tab-sources").getText()).isEqualTo("Nguồn tin");

      browser.find("#logout").click();
      browser.visible("logging out asks for the token again", "#token");
      browser.driver().navigate().refresh();
      assertThat(browser.visible("still asked after a reload", "#login").isDisplayed()).isTrue();
    }
  }

  @Test
  void repeatedWrongTokensShowHowLongToWait() throws Exception {
    try (FixtureUpstream upstream = new FixtureUpstream();
        TestServer server = TestServer.start(dir, TestServer.TOKEN, feeds(upstream))) {
      HeadlessChromium browser = chromium();
      browser.open(server.url("/admin/"));
      // The server answers 429 after a few wrong tokens (5 in a minute); the form says so.
      for (int attempt = 1; attempt <= 8; attempt++) {
        signIn(browser, "wrong-" + attempt);
        browser.await("attempt " + attempt + " is answered", ExpectedConditions.textMatches(
            By.id("login-error"), Pattern.compile("Mã quản trị không đúng|Quá nhiều lần")));
        if (browser.find("#login-error").getText().contains("Quá nhiều lần")) {
          break;
        }
      }
      browser.awaitText("the wait is shown", "#login-error", "Hãy thử lại sau");
      assertThat(browser.find("#login-error").getText()).matches(".*sau \\d+ giây.*");
      assertThat(browser.find("#notice").getText()).matches(".*sau \\d+ giây.*");
    }
  }

  @Test
  void hostileTitlesAndErrorsStayText() throws Exception {
    try (FixtureUpstream upstream = new FixtureUpstream()) {
      upstream.answer("/gone.rss", 500, "X-Why", "test");
      FeedsConfig feeds = new FeedsConfig(Duration.ofHours(1), List.of(new SourceConfig("evil",
          HOSTILE, upstream.url("/gone.rss"), List.of(), Duration.ofHours(1), true)), List.of());
      try (TestServer server = TestServer.start(dir, TestServer.TOKEN, feeds)) {
        server.refresh();
        HeadlessChromium browser = chromium();
        browser.open(server.url("/admin/"));
        signIn(browser, TestServer.TOKEN);
        WebElement title = browser.visible("the hostile source is listed",
            "tr[data-id='evil'] td.title");
        assertThat(title.getText()).isEqualTo(HOSTILE);
        assertThat(browser.driver().findElements(By.cssSelector("#sources-table img"))).isEmpty();
        assertThat(browser.driver().getTitle()).isNotEqualTo("pwned");
        assertThat(browser.find("tr[data-id='evil'] td.last-status").getText()).isEqualTo("500");
        assertThat(browser.find("tr[data-id='evil'] .error-code").getText())
            .isEqualTo("http_status");
        assertThat(browser.consoleErrors()).as("script errors or CSP violations").isEmpty();
      }
    }
  }

  /** Types {@code token} into the prompt and sends it. */
  static void signIn(HeadlessChromium browser, String token) {
    browser.visible("the token prompt", "#token");
    browser.fill("#token", token);
    browser.find("#login-form button[type='submit']").click();
  }

  /** A feeds.yml with source {@code vov} (tag party) and category {@code dang}, editable. */
  static Path feedsFile(Path dir, FixtureUpstream upstream) throws Exception {
    Path file = dir.resolve("feeds.yml");
    Files.writeString(file, """
        version: 1
        sources:
          - id: vov
            title: VOV – Chính trị
            url: %s
            tags: [party]
        categories:
          - id: dang
            title: Xây dựng Đảng
            tags: [party]
        """.formatted(upstream.serve("/vov.rss", "rss20_two_items.xml")));
    return file;
  }

  private static FeedsConfig feeds(FixtureUpstream upstream) {
    return new FeedsConfig(Duration.ofHours(1),
        List.of(TestServer.source("vov", upstream.serve("/vov.rss", "rss20_two_items.xml"))),
        List.of());
  }
}
