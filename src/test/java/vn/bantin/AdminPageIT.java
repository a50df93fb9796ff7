package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

  @TempDir Path data;

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
        TestServer server = TestServer.start(data, TestServer.TOKEN, feeds(upstream, "vov"))) {
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
        TestServer server = TestServer.start(data, "", feeds(upstream, "vov"))) {
      for (String path : List.of("/admin", "/admin/", "/admin/admin.js", "/admin/index.html")) {
        assertThat(server.get(path).statusCode()).as(path).isEqualTo(404);
      }
    }
  }

  @Test
  void aWrongTokenIsRefusedAndTheRightOneIsAskedOncePerSession() throws Exception {
    try (FixtureUpstream upstream = new FixtureUpstream();
        TestServer server = TestServer.start(data, TestServer.TOKEN, feeds(upstream, "vov"))) {
      HeadlessChromium browser = chromium();
      browser.open(server.url("/admin"));
      signIn(browser, "not-the-token");
      browser.await("the login form says the token is wrong",
          ExpectedConditions.textMatches(By.id("login-error"), java.util.regex.Pattern.compile(
              "Mã quản trị không đúng")));
      signIn(browser, TestServer.TOKEN);
      browser.await("the sources table lists vov",
          ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-id='vov']")));

      browser.driver().navigate().refresh();
      browser.await("a reload keeps the session's token", ExpectedConditions
          .visibilityOfElementLocated(By.cssSelector("tr[data-id='vov']")));
      assertThat(browser.find("#login").isDisplayed()).isFalse();

      browser.find("#lang").click();
      assertThat(browser.find("#tab-sources").getText()).isEqualTo("Sources");
      browser.driver().navigate().refresh();
      browser.await("the language choice is kept", ExpectedConditions.textToBe(
          By.id("tab-sources"), "Sources"));
      browser.find("#lang").click();
      assertThat(browser.find("#tab-sources").getText()).isEqualTo("Nguồn tin");

      browser.find("#logout").click();
      browser.await("logging out asks for the token again",
          ExpectedConditions.visibilityOfElementLocated(By.id("token")));
      browser.driver().navigate().refresh();
      assertThat(browser.find("#login").isDisplayed()).isTrue();
    }
  }

  @Test
  void hostileTitlesAndErrorsStayText() throws Exception {
    try (FixtureUpstream upstream = new FixtureUpstream()) {
      upstream.answer("/gone.rss", 500, "X-Why", "test");
      FeedsConfig feeds = new FeedsConfig(Duration.ofHours(1), List.of(new SourceConfig("evil",
          HOSTILE, upstream.url("/gone.rss"), List.of(), Duration.ofHours(1), true)), List.of());
      try (TestServer server = TestServer.start(data, TestServer.TOKEN, feeds)) {
        server.refresh();
        HeadlessChromium browser = chromium();
        browser.open(server.url("/admin/"));
        signIn(browser, TestServer.TOKEN);
        WebElement title = browser.await("the hostile source is listed", ExpectedConditions
            .visibilityOfElementLocated(By.cssSelector("tr[data-id='evil'] td.title")));
        assertThat(title.getText()).isEqualTo(HOSTILE);
        assertThat(browser.driver().findElements(By.cssSelector("#sources-table img"))).isEmpty();
        assertThat(browser.driver().getTitle()).isNotEqualTo("pwned");
        assertThat(browser.find("tr[data-id='evil'] td.last-status").getText()).isEqualTo("500");
        assertThat(browser.find("tr[data-id='evil'] .error-code").getText())
            .isEqualTo("http_status");
      }
    }
  }

  private static void signIn(HeadlessChromium browser, String token) {
    WebElement field = browser.await("the token prompt",
        ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    field.clear();
    field.sendKeys(token);
    browser.find("#login-form button[type='submit']").click();
  }

  private static FeedsConfig feeds(FixtureUpstream upstream, String id) {
    return new FeedsConfig(Duration.ofHours(1),
        List.of(TestServer.source(id, upstream.serve("/" + id + ".rss", "rss20_two_items.xml"))),
        List.of());
  }
}
