package dev.lookout.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.io.PrintWriter;
import java.io.StringWriter;
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
import picocli.CommandLine;

/** Commands that ask a running gateway whose dashboard requires ui.auth. */
class GatewayCredentialTest {
  private static final String SECRET = "correct-horse-battery";

  @TempDir Path dir;
  private Vertx vertx;
  private UpstreamSimulator simulator;
  private GatewayRuntime runtime;
  private String requestId;
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    simulator =
        UpstreamSimulator.start(vertx, SimulatorSettings.defaults().withPort(0), DemoTraffic.load())
            .await(30, TimeUnit.SECONDS);
    Path file = dir.resolve("lookout.yaml");
    Files.writeString(
        file,
        "upstream: "
            + simulator.baseUrl()
            + "\nanthropic_upstream: "
            + simulator.baseUrl()
            + "\ncapture:\n  mode: full\nui:\n  auth:\n    type: bearer\n");
    ServeOptions options = new ServeOptions();
    options.config = file;
    options.port = 0;
    options.data = dir.resolve("data");
    ServeConfig config = new ConfigLoader(Map.of("LOOKOUT_UI_SECRET", SECRET)).load(options);
    runtime = GatewayRuntime.start(config);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(runtime.gateway().url() + "/v1/chat/completions"))
                    .header("content-type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\","
                                + "\"content\":\"What is the capital of France?\"}]}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    requestId = response.headers().firstValue("x-lookout-request-id").orElseThrow();
  }

  @AfterEach
  void stop() throws Exception {
    runtime.close();
    simulator.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void payloadSendsToken() {
    String out = run(0, "payload", requestId, "--gateway", url(), "--token", SECRET);

    assertThat(out).contains("What is the capital of France?");
  }

  @Test
  void payloadWithoutTokenSaysHow() {
    run(2, "payload", requestId, "--gateway", url());

    assertThat(err.toString()).contains("requires the dashboard credential").contains("--token");
  }

  @Test
  void payloadWrongTokenSaysRejected() {
    run(2, "payload", requestId, "--gateway", url(), "--token", "wrong-secret-value");

    assertThat(err.toString()).contains("rejected the dashboard credential");
  }

  @Test
  void payloadBadGatewayUrlSaysSo() {
    run(2, "payload", requestId, "--gateway", "not a url");

    assertThat(err.toString()).contains("--gateway must be a URL");
  }

  @Test
  void reportSendsToken() {
    String out = run(0, "report", "--gateway", url(), "--token", SECRET, "--format", "json");

    assertThat(out).contains("gpt-4o-mini");
  }

  @Test
  void reportWithoutTokenSaysHow() {
    run(2, "report", "--gateway", url());

    assertThat(err.toString()).contains("LOOKOUT_UI_SECRET");
  }

  @Test
  void driftStatusWithoutTokenSaysHow() {
    run(2, "drift", "status", "--gateway", url());

    assertThat(err.toString()).contains("requires the dashboard credential");
  }

  @Test
  void driftStatusSendsToken() {
    // Drift is off on this gateway, so an accepted credential gets drift's feature_off 404.
    run(2, "drift", "status", "--gateway", url(), "--token", SECRET);

    assertThat(err.toString()).contains("returned HTTP 404 for the drift status");
  }

  @Test
  void basicAuthEncodesUser() throws Exception {
    Path config = dir.resolve("basic.yaml");
    Files.writeString(config, "ui:\n  auth:\n    type: basic\n    user: ann\n");

    GatewayCredential credential =
        new TokenOption().credential(config, Map.of("LOOKOUT_UI_SECRET", "pw"));

    assertThat(credential.authorization()).hasValue("Basic YW5uOnB3");
  }

  @Test
  void secretEnvNamesVariable() throws Exception {
    Path config = dir.resolve("env.yaml");
    Files.writeString(config, "ui:\n  auth:\n    type: bearer\n    secret_env: MY_SECRET\n");

    GatewayCredential credential = new TokenOption().credential(config, Map.of("MY_SECRET", "s"));

    assertThat(credential.authorization()).hasValue("Bearer s");
  }

  private String url() {
    return runtime.gateway().url().toString();
  }

  private String run(int expectedExit, String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      CommandLine command = LookoutCommand.commandLine();
      command.setErr(new PrintWriter(err, true));
      int code = command.execute(args);
      assertThat(code).as("exit of %s: %s", String.join(" ", args), err).isEqualTo(expectedExit);
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
