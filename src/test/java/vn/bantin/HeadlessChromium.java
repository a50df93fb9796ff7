package vn.bantin;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver. Both paths are fixed and
 * given to Selenium, so Selenium Manager never looks for (or downloads) a browser or a driver:
 * the network is closed here and in CI. Tests using it are skipped when either is missing.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** Every wait is bounded; a page that never gets there fails the test instead of hanging. */
  private static final Duration WAIT = Duration.ofSeconds(20);
  /**
   * Kept so the level sticks: nothing here uses the DevTools protocol, whose "no CDP
   * implementation matching" warning for a Chromium newer than Selenium is noise.
   */
  private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

  private final Path profile;
  private final ChromeDriver driver;

  private HeadlessChromium(Path profile, ChromeDriver driver) {
    this.profile = profile;
    this.driver = driver;
  }

  /** Starts a browser, or skips the calling test when chromium or chromedriver is not installed. */
  static HeadlessChromium start() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
            + CHROMEDRIVER + "): apt-get install chromium chromium-driver; .ci/run does");
    // Belt and braces: with the driver named, Selenium skips Selenium Manager altogether.
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
    DEVTOOLS_LOG.setLevel(Level.SEVERE);
    Path profile = Files.createTempDirectory("bantin-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-default-apps", "--disable-extensions", "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    return new HeadlessChromium(profile, new ChromeDriver(service, options));
  }

  WebDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  /** Replaces the text of the field at {@code css}. */
  void fill(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
  }

  /** Waits until {@code css} is on screen and returns it. */
  WebElement visible(String what, String css) {
    return await(what, ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  /** Waits until the text of {@code css} contains {@code text}. */
  void awaitText(String what, String css, String text) {
    await(what, ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  /** Waits (bounded) until {@code condition} holds and returns its value. */
  <T> T await(String what, ExpectedCondition<T> condition) {
    try {
      return new WebDriverWait(driver, WAIT).withMessage(what).until(condition);
    } catch (TimeoutException e) {
      // What the page showed instead, for whoever reads the failure.
      String text = driver.findElement(By.tagName("body")).getText();
      throw new TimeoutException(what + "; the page shows:\n" + text, e);
    }
  }

  /**
   * The console errors since the last call: script errors and Content-Security-Policy
   * violations. HTTP error answers the page asked for (401, 422 ...) are not errors here.
   */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(m -> !m.contains("Failed to load resource"))
        .toList();
  }

  /** Writes a PNG of the window to {@code file} for a person to look at. */
  void screenshot(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
