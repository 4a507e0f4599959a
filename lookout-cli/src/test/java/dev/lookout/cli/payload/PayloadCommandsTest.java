package dev.lookout.cli.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.cli.LookoutCommand;
import dev.lookout.cli.config.ConfigLoader;
import dev.lookout.cli.config.ServeConfig;
import dev.lookout.cli.config.ServeOptions;
import dev.lookout.cli.serve.GatewayRuntime;
import dev.lookout.cli.sim.DemoTraffic;
import dev.lookout.gateway.sim.SimulatorSettings;
import dev.lookout.gateway.sim.UpstreamSimulator;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The payload, retention and export commands on the data folder of a stopped gateway. */
class PayloadCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Vertx vertx;
  private UpstreamSimulator simulator;
  private Path data;

  @BeforeEach
  void startSimulator() throws Exception {
    vertx = Vertx.vertx();
    simulator =
        UpstreamSimulator.start(vertx, SimulatorSettings.defaults().withPort(0), DemoTraffic.load())
            .await(30, TimeUnit.SECONDS);
    data = dir.resolve("data");
  }

  @AfterEach
  void stopSimulator() throws Exception {
    simulator.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** Sends one call through a gateway with {@code yaml} and returns its request id. */
  private String callThroughGateway(String yaml) throws Exception {
    Path file = dir.resolve("lookout.yaml");
    Files.writeString(
        file,
        "upstream: "
            + simulator.baseUrl()
            + "\nanthropic_upstream: "
            + simulator.baseUrl()
            + "\n"
            + yaml);
    ServeOptions options = new ServeOptions();
    options.config = file;
    options.port = 0;
    options.data = data;
    ServeConfig config = new ConfigLoader(Map.of()).load(options);
    try (GatewayRuntime runtime = GatewayRuntime.start(config)) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(runtime.gateway().url() + "/v1/chat/completions"))
                      .header("content-type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\","
                                  + "\"content\":\"What is the capital of France? My mail is ann.lee@example.com\"}]}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return response.headers().firstValue("x-lookout-request-id").orElseThrow();
    }
  }

  private String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = LookoutCommand.commandLine().execute(args);
      assertThat(code).as("exit code of %s", String.join(" ", args)).isZero();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Runs a command that must fail with exit 2 and returns its error output. */
  private String runFailing(String... args) {
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine command = LookoutCommand.commandLine();
    command.setErr(new java.io.PrintWriter(err, true));
    int code = command.execute(args);
    assertThat(code).as("exit code of %s: %s", String.join(" ", args), err).isEqualTo(2);
    return err.toString();
  }

  @Test
  void exportMissingStoreCreatesNothing() {
    Path missing = dir.resolve("typo");

    String err =
        runFailing(
            "export",
            "--since",
            "1d",
            "--to",
            dir.resolve("out").toString(),
            "--data",
            missing.toString());

    assertThat(err).contains("No call store at " + missing);
    assertThat(missing).doesNotExist();
  }

  @Test
  void retentionMissingStoreCreatesNothing() {
    Path missing = dir.resolve("typo");

    String err =
        runFailing(
            "retention", "apply", "--dry-run", "--records", "1d", "--data", missing.toString());

    assertThat(err).contains("No call store at " + missing);
    assertThat(missing).doesNotExist();
  }

  @Test
  void payloadMissingStoreCreatesNothing() {
    Path missing = dir.resolve("typo");

    String err =
        runFailing("payload", "0193a6b2-0000-7000-8000-000000000000", "--data", missing.toString());

    assertThat(err).contains("No call store at " + missing);
    assertThat(missing).doesNotExist();
  }

  @Test
  void retentionHugePeriodIsUserError() {
    String err =
        runFailing(
            "retention",
            "apply",
            "--dry-run",
            "--records",
            "99999999999999d",
            "--data",
            data.toString());

    assertThat(err).contains("--records is too large");
  }

  @Test
  void payloadPrintsStoredBodies() throws Exception {
    String id = callThroughGateway("capture:\n  mode: full\n");

    JsonNode payload = JSON.readTree(run("payload", id, "--data", data.toString()));
    assertThat(payload.path("capture").asText()).isEqualTo("full");
    assertThat(payload.path("request").path("messages").get(0).path("content").asText())
        .isEqualTo("What is the capital of France? My mail is ann.lee@example.com");
    assertThat(payload.path("response").path("choices").isArray()).isTrue();
  }

  @Test
  void defaultCaptureIsRedacted() throws Exception {
    String id = callThroughGateway("");

    JsonNode payload = JSON.readTree(run("payload", id, "--data", data.toString()));
    assertThat(payload.path("capture").asText()).isEqualTo("redacted");
    assertThat(payload.toString()).doesNotContain("ann.lee@example.com");
  }

  @Test
  void redactedWithoutPiiGuardStillRedacts() throws Exception {
    String id = callThroughGateway("guards:\n  pii:\n    enabled: false\n");

    String payload = run("payload", id, "--data", data.toString());
    assertThat(payload).doesNotContain("ann.lee@example.com");
    assertThat(payload).contains("[EMAIL]");
  }

  @Test
  void captureOffStoresNothing() throws Exception {
    callThroughGateway("capture:\n  mode: off\n");

    assertThat(Files.exists(data.resolve("payloads").resolve("x"))).isFalse();
    try (var days = Files.list(data.resolve("payloads"))) {
      assertThat(days.count()).isZero();
    }
  }

  @Test
  void retentionDryRunKeepsRecentCall() throws Exception {
    callThroughGateway("retention:\n  records: 1d\n  payloads: 1d\n");

    String output =
        run(
            "retention",
            "apply",
            "--dry-run",
            "--config",
            dir.resolve("lookout.yaml").toString(),
            "--data",
            data.toString());
    assertThat(output).contains("would delete 0 call records");
    assertThat(output).contains("would delete 0 payload day folders");
  }

  @Test
  void exportWritesParquet() throws Exception {
    callThroughGateway("");
    Path out = dir.resolve("export");

    String output =
        run("export", "--since", "1d", "--to", out.toString(), "--data", data.toString());
    assertThat(output).contains("Exported 1 call records");
    try (var files = Files.walk(out)) {
      assertThat(files.filter(p -> p.toString().endsWith(".parquet")).count()).isEqualTo(1);
    }
  }
}
