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

  /**
   * System property for the browser tests: {@code skip} skips them when Chromium is missing, and
   * {@code require} fails them then, as the environment variable {@code CI} does.
   */
  static final String SKIP_PROPERTY = "lookout.browser";

  private HeadlessChromium() {}

  /**
   * Starts Chromium with a fresh profile in {@code profile}. When Chromium or chromedriver is
   * missing, the test is skipped with the install command in its reason, so that {@code ./mvnw
   * verify} passes on a machine with only a JDK; under CI, which installs them, it fails instead.
   *
   * @throws AssertionError if Chromium or chromedriver is missing under CI or with {@code
   *     -Dlookout.browser=require}, saying how to install them
   */
  static ChromeDriver start(Path profile) {
    boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    String setting = System.getProperty(SKIP_PROPERTY, "");
    boolean required =
        setting.equals("require") || (!setting.equals("skip") && System.getenv("CI") != null);
    if (!present && !required) {
      Assumptions.abort(
          "Browser tests skipped: "
              + BROWSER
              + " or "
              + DRIVER
              + " is missing. Install them as root with `apt-get install -y chromium"
              + " chromium-driver` to run these tests");
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
              + "=skip; they are required because CI is set or -D"
              + SKIP_PROPERTY
              + "=require was given");
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
