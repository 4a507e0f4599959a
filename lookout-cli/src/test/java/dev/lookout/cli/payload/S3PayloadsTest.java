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
import dev.lookout.store.payload.PayloadKeys;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gateway configured with payloads.store s3, against an in-process S3Proxy. */
class S3PayloadsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUCKET = "payloads";

  @TempDir Path dir;
  private Vertx vertx;
  private UpstreamSimulator simulator;
  private BlobStoreContext blobs;
  private S3Proxy proxy;
  private int port;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    simulator =
        UpstreamSimulator.start(vertx, SimulatorSettings.defaults().withPort(0), DemoTraffic.load())
            .await(30, TimeUnit.SECONDS);
    // The AWS SDK's default credentials chain reads these system properties.
    System.setProperty("aws.accessKeyId", "lookout-test");
    System.setProperty("aws.secretAccessKey", "lookout-test-secret");
    blobs =
        ContextBuilder.newBuilder("transient")
            .credentials("lookout-test", "lookout-test-secret")
            .overrides(new Properties())
            .build(BlobStoreContext.class);
    blobs.getBlobStore().createContainerInLocation(null, BUCKET);
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    proxy =
        S3Proxy.builder()
            .blobStore(blobs.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .awsAuthentication(
                AuthenticationType.AWS_V2_OR_V4, "lookout-test", "lookout-test-secret")
            .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(5);
    }
  }

  @AfterEach
  void stop() throws Exception {
    proxy.stop();
    blobs.close();
    simulator.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private ServeConfig config() throws Exception {
    Path file = dir.resolve("lookout.yaml");
    Files.writeString(
        file,
        "upstream: "
            + simulator.baseUrl()
            + "\nanthropic_upstream: "
            + simulator.baseUrl()
            + "\ncapture:\n  mode: full\npayloads:\n  store: s3\n  endpoint: http://127.0.0.1:"
            + port
            + "\n  bucket: "
            + BUCKET
            + "\n  prefix: prod\n  checksums: when_required\n");
    ServeOptions options = new ServeOptions();
    options.config = file;
    options.port = 0;
    options.data = dir.resolve("data");
    return new ConfigLoader(Map.of()).load(options);
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void payloadLandsInBucket() throws Exception {
    String id;
    String metrics;
    String printed;
    try (GatewayRuntime runtime = GatewayRuntime.start(config())) {
      String url = runtime.gateway().url();
      HttpResponse<String> call =
          send(
              HttpRequest.newBuilder(URI.create(url + "/v1/chat/completions"))
                  .header("content-type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\","
                              + "\"content\":\"What is the capital of France?\"}]}"))
                  .build());
      assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
      id = call.headers().firstValue("x-lookout-request-id").orElseThrow();
      assertThat(runtime.payloadWriter().flush(Duration.ofSeconds(20))).isTrue();
      metrics = send(HttpRequest.newBuilder(URI.create(url + "/metrics")).build()).body();
      printed = run("payload", id, "--gateway", url);
    }

    assertThat(blobs.getBlobStore().blobExists(BUCKET, "prod/" + PayloadKeys.of(id))).isTrue();
    assertThat(metrics).contains("lookout_payload_spill_bytes 0.0");
    JsonNode payload = JSON.readTree(printed);
    assertThat(payload.path("request").path("messages").get(0).path("content").asText())
        .isEqualTo("What is the capital of France?");
  }

  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(LookoutCommand.commandLine().execute(args)).isZero();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
