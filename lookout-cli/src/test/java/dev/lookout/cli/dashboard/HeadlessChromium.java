package dev.lookout.cli.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through its chromedriver, both from {@code /usr/bin}. Selenium
 * Manager is never asked to download a browser or driver, and the browser flags keep Chromium from
 * contacting any outside host.
 */
final class HeadlessChromium {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  /** System property that skips the browser tests on purpose, with the reason in the report. */
  static final String SKIP_PROPERTY = "lookout.browser";

  private HeadlessChromium() {}

  /**
   * Starts Chromium with a fresh profile in {@code profile}.
   *
   * @throws AssertionError if Chromium or chromedriver is missing, saying how to install them
   */
  static ChromeDriver start(Path profile) {
    boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    if (!present && "skip".equals(System.getProperty(SKIP_PROPERTY))) {
      Assumptions.abort(
          "Browser tests skipped by -D" + SKIP_PROPERTY + "=skip: Chromium is not installed");
    }
    if (!present) {
      throw new AssertionError(
          "The dashboard's browser tests need "
              + BROWSER
              + " and "
              + DRIVER
              + ", which are missing. Install them as root with `apt-get install -y chromium"
              + " chromium-driver` (.ci/run does), or skip these tests knowingly with -D"
              + SKIP_PROPERTY
              + "=skip");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  /**
   * Returns the browser console's SEVERE entries since the last call, except failed loads of the
   * URLs that contain one of {@code expected404s} (optional routes that return 404 on purpose).
   */
  static List<String> consoleErrors(ChromeDriver driver, List<String> expected404s) {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() < Level.SEVERE.intValue()) {
        continue;
      }
      String message = entry.getMessage();
      boolean expected =
          message.contains("status of 404") && expected404s.stream().anyMatch(message::contains);
      if (!expected) {
        errors.add(message);
      }
    }
    return errors;
  }
}
