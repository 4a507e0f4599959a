package dev.lookout.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.cli.config.ConfigLoader;
import dev.lookout.cli.config.ServeConfig;
import dev.lookout.cli.config.ServeOptions;
import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.store.duckdb.DuckDbCallStore;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spend stored before a restart still counts against the budget after it. */
class BudgetRestartTest {
  @TempDir Path dir;

  @Test
  void storedSpendCountsAfterRestart() throws Exception {
    Path data = dir.resolve("data");
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      store.append(
          List.of(
              CallRecord.builder()
                  .requestId("01900000-0000-7000-8000-000000000001")
                  .timestamp(Instant.now())
                  .endpoint("/v1/chat/completions")
                  .model("gpt-4o")
                  .userId("alice")
                  .costUsd(new BigDecimal("5.00"))
                  .status(CallStatus.SUCCESS)
                  .httpStatus(200)
                  .build()));
    }
    Path yaml = dir.resolve("lookout.yaml");
    Files.writeString(
        yaml,
        "upstream: http://127.0.0.1:9\n"
            + "users:\n  - id: alice\n    team: search\n"
            + "budgets:\n  - scope: team\n    id: search\n    monthly_usd: 4.50\n");
    ServeOptions options = new ServeOptions();
    options.config = yaml;
    options.port = 0;
    options.data = data;
    ServeConfig config = new ConfigLoader(Map.of()).load(options);

    try (GatewayRuntime runtime = GatewayRuntime.start(config)) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(runtime.gateway().url() + "/v1/chat/completions"))
                      .header("x-lookout-user", "alice")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"model\":\"gpt-4o\",\"messages\":[]}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(429);
      assertThat(response.body()).contains("budget_exceeded");
    }
  }
}
