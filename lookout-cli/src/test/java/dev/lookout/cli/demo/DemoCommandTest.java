package dev.lookout.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.cli.LookoutCommand;
import dev.lookout.core.record.CallRecord;
import dev.lookout.store.duckdb.DuckDbCallStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The demo end to end: replay through a real gateway and simulator, then check that the report
 * agrees with the records in the store, summed here independently of the report's SQL.
 */
class DemoCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LIMIT = 80;

  @TempDir Path data;

  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int exit = LookoutCommand.commandLine().execute(args);
      assertThat(exit).isZero();
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void reportAgreesWithStore() throws Exception {
    String demo =
        run(
            "demo",
            "--exit",
            "--port",
            "0",
            "--data",
            data.toString(),
            "--limit",
            String.valueOf(LIMIT),
            "--sim-ttft-ms",
            "1",
            "--sim-tokens-per-second",
            "0");
    JsonNode total =
        JSON.readTree(run("report", "--data", data.toString(), "--format", "json")).path("total");

    List<CallRecord> records;
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      records = store.recent(LIMIT * 2);
    }
    long input = records.stream().mapToLong(CallRecord::inputTokens).sum();
    long output = records.stream().mapToLong(CallRecord::outputTokens).sum();
    BigDecimal cost =
        records.stream()
            .map(CallRecord::costUsd)
            .filter(value -> value != null)
            .reduce(BigDecimal.ZERO, BigDecimal::add);

    assertThat(demo).contains("sent=" + LIMIT + " ");
    assertThat(records).hasSize(LIMIT);
    assertThat(total.path("calls").asLong()).isEqualTo(LIMIT);
    assertThat(total.path("input_tokens").asLong()).isEqualTo(input);
    assertThat(total.path("output_tokens").asLong()).isEqualTo(output);
    assertThat(new BigDecimal(total.path("cost_usd").asText())).isEqualByComparingTo(cost);
    assertThat(cost).isPositive();
  }

  @Test
  void fillsExperimentDriftAndPayloadPages() throws Exception {
    Map<String, HttpResponse<String>> pages = new HashMap<>();
    DemoCommand demo = new DemoCommand();
    demo.beforeExit = url -> pages.putAll(pages(url));
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit =
          new CommandLine(demo)
              .execute(
                  "--exit",
                  "--port",
                  "0",
                  "--data",
                  data.toString(),
                  "--limit",
                  String.valueOf(LIMIT),
                  "--sim-ttft-ms",
                  "1",
                  "--sim-tokens-per-second",
                  "0");
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    Matcher posted = Pattern.compile("feedback: posted=(\\d+) ").matcher(output);
    JsonNode analysis = JSON.readTree(pages.get("experiment").body());
    JsonNode thumbs = analysis.path("metrics").path("thumbs_up");
    JsonNode drift = JSON.readTree(pages.get("drift").body());

    assertThat(exit).isZero();
    assertThat(posted.find()).isTrue();
    assertThat(feedbackRows()).isEqualTo(Long.parseLong(posted.group(1)));
    assertThat(pages.get("experiment").statusCode()).isEqualTo(200);
    assertThat(thumbs.path("a").path("n").asLong()).isPositive();
    assertThat(thumbs.path("b").path("n").asLong()).isPositive();
    assertThat(analysis.path("metrics").path("latency_ms").path("b").path("n").asLong())
        .isPositive();
    assertThat(pages.get("drift").statusCode()).isEqualTo(200);
    assertThat(drift.path("templates").findValuesAsText("prompt_template"))
        .contains("helpful_base");
    assertThat(pages.get("history").statusCode()).isEqualTo(200);
    assertThat(pages.get("payload").statusCode()).isEqualTo(200);
  }

  @Test
  void blockedHintNamesDataFolder() throws Exception {
    // A threshold this low blocks every prompt, so the demo prints its hint on blocked calls.
    Path config =
        Files.writeString(
            data.resolve("lookout.yaml"),
            "guards:\n  injection:\n    threshold: 0.0001\ndrift:\n  enabled: false\n");
    String demo =
        run(
            "demo",
            "--exit",
            "--port",
            "0",
            "--config",
            config.toString(),
            "--data",
            data.toString(),
            "--limit",
            "5",
            "--sim-ttft-ms",
            "1",
            "--sim-tokens-per-second",
            "0");
    assertThat(demo).contains("see ./lookout report --data " + data + " --by status");
  }

  @Test
  void reportCommandLeavesOutDefaultData() {
    assertThat(DemoCommand.reportCommand(Path.of("lookout-data"), "user"))
        .isEqualTo("./lookout report --by user");
  }

  @Test
  void reportCommandQuotesDataWithSpaces() {
    assertThat(DemoCommand.reportCommand(Path.of("my data/it's"), "status"))
        .isEqualTo("./lookout report --data 'my data/it'\\''s' --by status");
  }

  /** Reads the dashboard's routes of the running demo gateway. */
  private static Map<String, HttpResponse<String>> pages(String url) {
    HttpClient client = HttpClient.newHttpClient();
    Map<String, HttpResponse<String>> pages = new HashMap<>();
    try {
      pages.put("experiment", get(client, url + "/api/v1/experiments/" + DemoSetup.EXPERIMENT_ID));
      pages.put("drift", get(client, url + "/api/v1/drift"));
      pages.put("history", get(client, url + "/api/v1/drift/history?template=helpful_base"));
      String id =
          JSON.readTree(get(client, url + "/api/v1/calls?limit=1").body())
              .path("calls")
              .path(0)
              .path("request_id")
              .asText();
      pages.put("payload", get(client, url + "/api/v1/calls/" + id + "/payload"));
    } catch (Exception e) {
      throw new IllegalStateException("reading the demo's API at " + url + " failed", e);
    }
    return pages;
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private long feedbackRows() throws Exception {
    try (Connection connection =
            DriverManager.getConnection("jdbc:duckdb:" + data.resolve("lookout.duckdb"));
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("select count(*) from feedback where name = 'thumbs_up'")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
