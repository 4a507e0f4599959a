package dev.lookout.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium against a gateway filled with replayed demo traffic. Saves a
 * screenshot of each page in the folder named by {@code -Dlookout.screenshots} (default {@code
 * target/screenshots}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {
  private static final List<String> PAGES =
      List.of("overview", "breakdowns", "calls", "guardrails", "drift", "experiments", "budgets");

  /** Routes built by optional features; a 404 from them means "not configured". */
  private static final List<String> OPTIONAL_ROUTES =
      List.of("/api/v1/drift", "/api/v1/experiments", "/payload");

  private static final String CONFIG =
      "users:\n"
          + "  - {id: user-0, team: search}\n"
          + "budgets:\n"
          + "  - {scope: user, id: user-0, daily_usd: 3, monthly_usd: 40}\n"
          + "  - {scope: team, id: search, monthly_usd: 10}\n"
          + "  - {scope: user, id: user-1, daily_usd: 2.5}\n";

  /** Generated records of the past day, besides the replayed calls. */
  private static final int HISTORY = 3000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoGateway gateway;
  private ChromeDriver driver;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    gateway = DemoGateway.start(dir, CONFIG, HISTORY, 240, Map.of());
    driver = HeadlessChromium.start(Files.createDirectories(dir.resolve("chromium-profile")));
  }

  @AfterAll
  void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  @BeforeEach
  void openOverview() {
    // A full page load drops the fetch stubs of the previous test and the pages' state.
    driver.get("about:blank");
    open("overview");
    new Select(driver.findElement(By.id("refresh"))).selectByValue("0");
    HeadlessChromium.consoleErrors(driver, OPTIONAL_ROUTES);
  }

  @Test
  void everyPageLoadsWithoutConsoleErrors() throws Exception {
    Path screenshots =
        Files.createDirectories(
            Path.of(System.getProperty("lookout.screenshots", "target/screenshots")));
    List<String> failed = new ArrayList<>();
    for (String page : PAGES) {
      open(page);
      List<String> errors = HeadlessChromium.consoleErrors(driver, OPTIONAL_ROUTES);
      if (!errors.isEmpty()) {
        failed.add(page + ": " + errors);
      }
      byte[] png = driver.getScreenshotAs(OutputType.BYTES);
      Files.write(screenshots.resolve(page + ".png"), png);
    }
    assertThat(failed).isEmpty();
  }

  @Test
  void overviewChartShowsApiNumbers() throws Exception {
    JsonNode series = api("/api/v1/timeseries?since=24h");
    List<Long> apiCalls = new ArrayList<>();
    series.get("points").forEach(point -> apiCalls.add(point.get("calls").asLong()));

    List<Long> charted = new ArrayList<>();
    for (Object value : (List<?>) script("return window.lookoutCharts.calls.data[1];")) {
      charted.add(((Number) value).longValue());
    }
    assertThat(charted).isEqualTo(apiCalls);
    assertThat(apiCalls.stream().mapToLong(Long::longValue).sum())
        .isEqualTo(HISTORY + gateway.replayed.sent());
  }

  @Test
  void overviewTilesShowReportTotals() throws Exception {
    JsonNode total = api("/api/v1/breakdown?since=24h&by=model").get("total");
    String calls = driver.findElement(By.cssSelector("[data-tile=calls]")).getText();
    assertThat(calls.replace(",", "")).isEqualTo(total.get("calls").asText());
  }

  @Test
  void chartCanvasIsDrawn() {
    WebElement canvas = driver.findElement(By.cssSelector("[data-chart=latency] canvas"));
    assertThat(canvas.getSize().getWidth()).isGreaterThan(300);
  }

  @Test
  void filterChangesCallList() throws Exception {
    open("calls");
    List<String> unfiltered = column(6);
    driver.findElement(By.name("user")).sendKeys("user-3");
    new Select(driver.findElement(By.name("status"))).selectByValue("success");
    driver.findElement(By.cssSelector("#call-filters button[type=submit]")).click();
    waitReady("calls");

    List<String> users = column(6);
    int expected =
        api("/api/v1/calls?since=24h&limit=50&user=user-3&status=success").get("calls").size();
    assertThat(unfiltered).anyMatch(user -> !user.equals("user-3"));
    assertThat(users).hasSize(expected);
    assertThat(users).containsOnly("user-3");
    assertThat(column(2)).containsOnly("success");
    driver.findElement(By.cssSelector("#call-filters button[type=reset]")).click();
    waitReady("calls");
  }

  /** Returns the text of one column of the call list, 0-based. */
  private List<String> column(int index) {
    List<String> values = new ArrayList<>();
    for (WebElement row : driver.findElements(By.cssSelector("#calls-table tbody tr"))) {
      values.add(row.findElements(By.tagName("td")).get(index).getText());
    }
    return values;
  }

  @Test
  void callDetailOpens() {
    open("calls");
    WebElement row = driver.findElement(By.cssSelector("#calls-table tbody tr"));
    String requestId = row.getAttribute("data-request-id");
    row.click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.id("detail-id")).isEmpty());

    assertThat(driver.findElement(By.id("detail-id")).getText()).isEqualTo(requestId);
    assertThat(driver.findElement(By.id("call-detail")).getText()).contains("Capture: redacted");
    assertThat(driver.findElement(By.id("call-detail")).getText())
        .doesNotContain(DemoGateway.PROVIDER_KEY);
  }

  @Test
  void breakdownSortsByClickedColumn() throws Exception {
    open("breakdowns");
    driver.findElement(By.cssSelector("button[data-by=user]")).click();
    waitReady("breakdowns");
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.cssSelector("table.breakdown th")).getText().equals("User"));
    driver.findElement(By.cssSelector("table.breakdown th[data-key=calls]")).click();

    List<Long> calls = new ArrayList<>();
    for (WebElement cell :
        driver.findElements(By.cssSelector("table.breakdown tbody tr td:nth-child(2)"))) {
      calls.add(Long.parseLong(cell.getText().replace(",", "")));
    }
    assertThat(calls).hasSize(api("/api/v1/breakdown?since=24h&by=user").get("groups").size());
    assertThat(calls).isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  void budgetsShowConfiguredLimits() {
    open("budgets");
    assertThat(driver.findElements(By.cssSelector("#budget-table tr"))).hasSize(4);
  }

  @Test
  void unconfiguredFeaturesSayHowToEnable() {
    open("drift");
    assertThat(driver.findElement(By.id("page")).getText()).contains("enabled: true");
    open("experiments");
    assertThat(driver.findElement(By.id("page")).getText()).contains("experiments:");
  }

  @Test
  void driftPageShowsContractShape() {
    stubRoutes(
        Map.of(
            "/api/v1/drift",
            "{\"templates\": [{\"prompt_template\": \"support\", \"model\": \"gpt-4o\","
                + " \"state\": \"drifted\", \"statistic\": 0.31, \"p_value\": 0.002,"
                + " \"distance\": 0.0421, \"baseline_n\": 500, \"window_n\": 200,"
                + " \"checked_at\": \"2026-12-04T18:00:00Z\","
                + " \"responsible\": [{\"text\": \"Our refund window is 90 days\","
                + " \"distance\": 0.41}]}]}",
            "/api/v1/drift/history",
            "{\"points\": [{\"checked_at\": \"2026-12-04T17:00:00Z\", \"prompt_template\":"
                + " \"support\", \"model\": \"gpt-4o\", \"state\": \"stable\","
                + " \"statistic\": 0.05, \"p_value\": 0.6, \"distance\": 0.003},"
                + " {\"checked_at\": \"2026-12-04T18:00:00Z\", \"prompt_template\":"
                + " \"support\", \"model\": \"gpt-4o\", \"state\": \"drifted\","
                + " \"statistic\": 0.31, \"p_value\": 0.002, \"distance\": 0.0421}]}"));
    open("drift");

    String text = driver.findElement(By.id("page")).getText();
    assertThat(text).contains("drifted");
    assertThat(text).contains("Our refund window is 90 days");
    assertThat(script("return window.lookoutCharts['drift-distance'].data[1];"))
        .isEqualTo(List.of(0.003, 0.0421));
  }

  @Test
  void experimentPageShowsContractShape() {
    stubRoutes(
        Map.of(
            "/api/v1/experiments",
            "{\"experiments\": [{\"id\": \"e1\", \"control\": \"a\", \"variants\":"
                + " [{\"name\": \"a\", \"weight\": 0.5}, {\"name\": \"b\", \"weight\":"
                + " 0.5}], \"metrics\": [\"thumbs_up\"], \"start\":"
                + " \"2026-12-01T00:00:00Z\", \"stop\": null}]}",
            "/api/v1/experiments/e1",
            "{\"experiment_id\": \"e1\", \"control\": \"a\", \"srm_p_value\": 0.0004,"
                + " \"srm_mismatch\": true, \"correction\": \"holm\", \"metrics\":"
                + " {\"thumbs_up\": {\"a\": {\"n\": 10, \"mean\": 0.5, \"diff\": null,"
                + " \"ci95\": null, \"p_value\": null, \"p_value_adjusted\": null,"
                + " \"sequential_p_value\": null, \"relative_lift\": null, \"n_needed\":"
                + " null}, \"b\": {\"n\": 12, \"mean\": 0.6, \"diff\": 0.1, \"ci95\":"
                + " [0.0, 0.2], \"p_value\": 0.03, \"p_value_adjusted\": 0.06,"
                + " \"sequential_p_value\": 0.2, \"relative_lift\": 0.2, \"n_needed\":"
                + " 1000}}}}"));
    open("experiments");

    assertThat(driver.findElement(By.id("srm-warning")).getText())
        .contains("Sample ratio mismatch");
    assertThat(driver.findElement(By.cssSelector("table.experiment-metric")).getText())
        .contains("[0.0000, 0.2000]");
  }

  @Test
  void payloadShownWhenStored() {
    open("calls");
    String requestId =
        driver.findElement(By.cssSelector("#calls-table tbody tr")).getAttribute("data-request-id");
    stubRoutes(
        Map.of(
            "/api/v1/calls/" + requestId + "/payload",
            "{\"request\": {\"messages\": [{\"role\": \"user\", \"content\":"
                + " \"Mail [EMAIL]\"}]}, \"response\": \"plain text\", \"capture\":"
                + " \"redacted\"}"));
    driver.findElement(By.cssSelector("#calls-table tbody tr")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.id("payload-request")).isEmpty());

    assertThat(driver.findElement(By.id("payload-request")).getText()).contains("Mail [EMAIL]");
    assertThat(driver.findElement(By.id("payload-response")).getText()).isEqualTo("plain text");
  }

  /**
   * Makes the page's fetch return the given JSON for the given paths (without query), as the routes
   * of the drift, experiment and payload features return it when they are configured. Other
   * requests go to the gateway. Lasts until the next full page load.
   */
  private void stubRoutes(Map<String, String> bodies) {
    driver.executeScript(
        "const bodies = arguments[0];"
            + "const real = window.lookoutRealFetch ?? window.fetch;"
            + "window.lookoutRealFetch = real;"
            + "window.fetch = (url, init) => {"
            + "  const path = new URL(url, location.href).pathname;"
            + "  if (path in bodies) {"
            + "    return Promise.resolve(new Response(bodies[path],"
            + "      {status: 200, headers: {'content-type': 'application/json'}}));"
            + "  }"
            + "  return real(url, init);"
            + "};",
        bodies);
  }

  private void open(String page) {
    driver.get(gateway.url() + "/ui/#" + page);
    waitReady(page);
  }

  private void waitReady(String page) {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d -> {
              WebElement main = d.findElement(By.id("page"));
              String state = main.getAttribute("data-state");
              if ("error".equals(state)) {
                throw new AssertionError("Page " + page + " failed: " + main.getText());
              }
              return page.equals(main.getAttribute("data-page")) && "ready".equals(state);
            });
  }

  private Object script(String code) {
    return driver.executeScript(code);
  }

  private JsonNode api(String pathAndQuery) throws Exception {
    var response = gateway.get(pathAndQuery);
    assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
