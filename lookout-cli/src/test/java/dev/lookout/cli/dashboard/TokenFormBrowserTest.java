package dev.lookout.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.gateway.dashboard.DashboardAuth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A dashboard behind a bearer token requests it, then shows the data. */
class TokenFormBrowserTest {
  private static final String TOKEN = "browser-token-123";

  @Test
  void tokenFormUnlocksPages(@TempDir Path dir) throws Exception {
    String yaml =
        "ui:\n  auth:\n    type: bearer\n    secret_sha256: "
            + DashboardAuth.sha256Hex(TOKEN)
            + "\n";
    try (DemoGateway gateway = DemoGateway.start(dir.resolve("gw"), yaml, 0, 10, Map.of())) {
      ChromeDriver driver =
          HeadlessChromium.start(Files.createDirectories(dir.resolve("chromium-profile")));
      try {
        driver.get(gateway.url() + "/ui/#overview");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> !d.findElements(By.id("token")).isEmpty());
        driver.findElement(By.id("token")).sendKeys(TOKEN);
        driver.findElement(By.cssSelector("#token-form button")).click();
        wait.until(d -> "ready".equals(d.findElement(By.id("page")).getAttribute("data-state")));

        String calls = driver.findElement(By.cssSelector("[data-tile=calls]")).getText();
        assertThat(calls).isEqualTo(String.valueOf(gateway.replayed.sent()));
        // The 401 before the token was entered is the only expected console error.
        assertThat(HeadlessChromium.consoleErrors(driver, List.of("/api/v1/")))
            .allMatch(message -> message.contains("401"));
      } finally {
        driver.quit();
      }
    }
  }
}
