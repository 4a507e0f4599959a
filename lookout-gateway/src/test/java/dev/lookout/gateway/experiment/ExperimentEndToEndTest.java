package dev.lookout.gateway.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.lookout.core.experiment.Experiment;
import dev.lookout.core.experiment.Variant;
import dev.lookout.core.pricing.PriceTable;
import dev.lookout.core.record.CallRecord;
import dev.lookout.gateway.GatewayFeatures;
import dev.lookout.gateway.GatewayServer;
import dev.lookout.gateway.GatewaySettings;
import dev.lookout.gateway.access.AccessSettings;
import dev.lookout.gateway.guard.GuardSettings;
import dev.lookout.gateway.metrics.GatewayMetrics;
import dev.lookout.gateway.sim.SimulatorSettings;
import dev.lookout.gateway.sim.TrafficRecord;
import dev.lookout.gateway.sim.UpstreamSimulator;
import dev.lookout.store.duckdb.DuckDbCallStore;
import dev.lookout.store.duckdb.DuckDbExperimentQueries;
import dev.lookout.store.duckdb.DuckDbFeedbackStore;
import dev.lookout.store.recorder.Recorder;
import dev.lookout.store.recorder.RecorderSettings;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An experiment through the gateway: the official OpenAI SDK calls the in-repo upstream simulator,
 * feedback is posted right after each call while its record still waits in the recorder's queue,
 * and the analysis is read from the gateway's API.
 */
class ExperimentEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int USERS = 40;
  private static final Experiment EXPERIMENT =
      new Experiment(
          "greeting",
          "plain",
          List.of(
              new Variant("plain", 1, "You are a helpful assistant."),
              new Variant("warm", 1, "You are a warm assistant for {{team}}.")),
          List.of("thumbs_up", "latency_ms", "output_tokens"),
          0.1,
          null,
          null);

  @TempDir Path dataDir;
  private Vertx vertx;
  private UpstreamSimulator simulator;
  private DuckDbCallStore store;
  private Recorder recorder;
  private DuckDbFeedbackStore feedback;
  private GatewayServer gateway;
  private OpenAIClient client;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    simulator =
        UpstreamSimulator.start(
                vertx,
                SimulatorSettings.defaults().withTiming(0, 0),
                List.of(TrafficRecord.of("Say hello", "Hello there, friend!", "gpt-4o")))
            .await();
    store = DuckDbCallStore.open(dataDir);
    // A flush interval far longer than a call keeps records queued when their feedback arrives.
    recorder =
        new Recorder(store, RecorderSettings.defaults().withFlushInterval(Duration.ofSeconds(2)));
    feedback = DuckDbFeedbackStore.open(store);
    ExperimentSettings experiments =
        new ExperimentSettings(
            List.of(EXPERIMENT),
            feedback,
            new DuckDbExperimentQueries(store),
            () -> recorder.flush(Duration.ofSeconds(5)));
    GatewaySettings settings =
        GatewaySettings.defaults()
            .withPort(0)
            .withUpstream(URI.create(simulator.baseUrl()))
            .withAnthropicUpstream(URI.create(simulator.baseUrl()));
    gateway =
        GatewayServer.start(
            settings,
            recorder::offer,
            PriceTable.builtIn(),
            new GatewayMetrics(GatewayMetrics.DEFAULT_LABEL_CAP),
            (since, by) -> "{}",
            AccessSettings.none(),
            GuardSettings.none(),
            GatewayFeatures.none().withExperiments(experiments));
    client =
        OpenAIOkHttpClient.builder()
            .apiKey("sk-test-key-0123456789")
            .baseUrl(gateway.url() + "/v1")
            .maxRetries(0)
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    gateway.stop();
    recorder.close(Duration.ofSeconds(10));
    feedback.close();
    store.close();
    simulator.close().await();
    vertx.close().await();
  }

  @Test
  void experimentRunsWithFeedback() throws Exception {
    for (int i = 0; i < USERS; i++) {
      String user = "user-" + i;
      ChatCompletionCreateParams params =
          ChatCompletionCreateParams.builder()
              .model("gpt-4o")
              .addUserMessage("Say hello")
              .user(user)
              .putAdditionalHeader("x-lookout-experiment", "greeting")
              .putAdditionalHeader("x-lookout-variables", "{\"team\":\"search\"}")
              .build();
      String requestId = call(params);
      boolean liked = EXPERIMENT.assign(user).name().equals("warm") || i % 4 == 0;
      HttpResponse<String> posted =
          post(
              "/v1/feedback",
              "{\"request_id\":\""
                  + requestId
                  + "\",\"name\":\"thumbs_up\",\"value\":"
                  + liked
                  + "}");
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
      assertThat(JSON.readTree(posted.body()).path("value").asBoolean()).isEqualTo(liked);
    }

    JsonNode analysis = JSON.readTree(get("/api/v1/experiments/greeting").body());

    long plainUsers = countAssigned("plain");
    JsonNode thumbs = analysis.path("metrics").path("thumbs_up");
    assertThat(analysis.path("control").asText()).isEqualTo("plain");
    assertThat(analysis.path("correction").asText()).isEqualTo("holm");
    assertThat(thumbs.path("plain").path("n").asLong()).isEqualTo(plainUsers);
    assertThat(thumbs.path("warm").path("n").asLong()).isEqualTo(USERS - plainUsers);
    assertThat(thumbs.path("warm").path("mean").asDouble()).isEqualTo(1.0);
    assertThat(thumbs.path("warm").path("diff").asDouble()).isPositive();
    assertThat(thumbs.path("warm").path("p_value").isNumber()).isTrue();
    assertThat(thumbs.path("warm").path("sequential_p_value").isNumber()).isTrue();
    assertThat(thumbs.path("plain").path("diff").isNull()).isTrue();
    assertThat(analysis.path("srm_p_value").isNumber()).isTrue();
    assertThat(analysis.path("metrics").path("output_tokens").path("warm").path("n").asLong())
        .isEqualTo(USERS - plainUsers);
  }

  @Test
  void recordsCarryExperimentAndVariant() throws Exception {
    ChatCompletionCreateParams params =
        ChatCompletionCreateParams.builder()
            .model("gpt-4o")
            .addUserMessage("Say hello")
            .user("jürgen")
            .putAdditionalHeader("x-lookout-experiment", "greeting")
            .putAdditionalHeader("x-lookout-variables", "{\"team\":\"search\"}")
            .build();
    String requestId = call(params);

    CallRecord record = awaitStored(requestId);

    assertThat(record.experimentId()).isEqualTo("greeting");
    assertThat(record.variant()).isEqualTo(EXPERIMENT.assign("jürgen").name());
  }

  @Test
  void listShowsConfiguredExperiment() throws Exception {
    JsonNode list = JSON.readTree(get("/api/v1/experiments").body()).path("experiments");

    assertThat(list.size()).isEqualTo(1);
    assertThat(list.get(0).path("id").asText()).isEqualTo("greeting");
    assertThat(list.get(0).path("variants").get(1).path("weight").asDouble()).isEqualTo(0.5);
    assertThat(list.get(0).path("stop").isNull()).isTrue();
  }

  @Test
  void unknownRequestIdIs404() throws Exception {
    HttpResponse<String> response =
        post("/v1/feedback", "{\"request_id\":\"nope\",\"name\":\"thumbs_up\",\"value\":1}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("unknown_request_id").contains("'nope'");
  }

  /** Calls the gateway through the SDK and returns the call's request id. */
  private String call(ChatCompletionCreateParams params) {
    try (HttpResponseFor<ChatCompletion> response =
        client.chat().completions().withRawResponse().create(params)) {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.parse().choices()).isNotEmpty();
      return response.headers().values("x-lookout-request-id").get(0);
    }
  }

  /** Returns the stored record; a client can read the whole body before the record is queued. */
  private CallRecord awaitStored(String requestId) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      recorder.flush(Duration.ofSeconds(5));
      var found = store.find(requestId);
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("Call " + requestId + " was not stored within 5 s");
  }

  private long countAssigned(String variant) {
    long count = 0;
    for (int i = 0; i < USERS; i++) {
      if (EXPERIMENT.assign("user-" + i).name().equals(variant)) {
        count++;
      }
    }
    return count;
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(gateway.url() + path))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(gateway.url() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
