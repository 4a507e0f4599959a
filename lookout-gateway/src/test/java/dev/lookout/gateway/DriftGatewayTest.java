package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.drift.DriftSettings;
import dev.lookout.core.drift.Embedder;
import dev.lookout.core.drift.UnitVectors;
import dev.lookout.core.pricing.PriceTable;
import dev.lookout.gateway.access.AccessSettings;
import dev.lookout.gateway.drift.DriftMonitor;
import dev.lookout.gateway.drift.DriftMonitorSettings;
import dev.lookout.gateway.guard.GuardSettings;
import dev.lookout.gateway.metrics.GatewayMetrics;
import dev.lookout.store.drift.DriftStore;
import dev.lookout.store.duckdb.DuckDbCallStore;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift detection fed by real calls through the gateway, and its JSON routes. */
class DriftGatewayTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  /** Embeds each text as the unit vector of its length modulo 4, so every response is alike. */
  static final class LengthEmbedder implements Embedder {
    @Override
    public List<float[]> embed(List<String> texts) {
      List<float[]> vectors = new ArrayList<>();
      for (String text : texts) {
        float[] vector = {1, 0, 0, 0};
        vector[text.length() % 4] += 0.5f;
        vectors.add(UnitVectors.normalize(vector));
      }
      return vectors;
    }

    @Override
    public int dimension() {
      return 4;
    }
  }

  @Test
  void driftRoutesOffAnswerFeatureOff() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      HttpResponse<String> response = harness.get("/api/v1/drift");
      JsonNode error = JSON.readTree(response.body()).path("error");
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(error.path("code").asText()).isEqualTo("feature_off");
      assertThat(error.path("type").asText()).isEqualTo("not_configured");
    }
  }

  @Test
  void sampledResponsesReachDriftApi() throws Exception {
    DriftMonitorSettings settings =
        new DriftMonitorSettings(new DriftSettings(10, 10, 0.01, 10, 399), 1.0, 100, 8, null);
    GatewayMetrics metrics = new GatewayMetrics(GatewayMetrics.DEFAULT_LABEL_CAP);
    try (FakeUpstream upstream = new FakeUpstream();
        DuckDbCallStore store = DuckDbCallStore.open(data);
        DriftMonitor monitor =
            new DriftMonitor(
                settings,
                new LengthEmbedder(),
                DriftStore.open(store),
                UnaryOperator.identity(),
                metrics.registry(),
                100,
                Clock.systemUTC())) {
      upstream.respond(200, "application/json", completion("Paris is the capital."));
      GatewaySettings gatewaySettings =
          GatewaySettings.defaults()
              .withPort(0)
              .withUpstream(URI.create(upstream.url()))
              .withAnthropicUpstream(URI.create(upstream.url()));
      try (GatewayServer gateway =
          GatewayServer.start(
              gatewaySettings,
              record -> true,
              PriceTable.builtIn(),
              metrics,
              (since, by) -> "{}",
              AccessSettings.none(),
              GuardSettings.none(),
              GatewayFeatures.none().withDrift(monitor))) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 3; i++) {
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      URI.create(gateway.url() + "/v1/chat/completions"))
                  .header("content-type", "application/json")
                  .header("x-lookout-template", "capitals")
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Capital"
                              + " of France?\"}]}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (monitor.embedded() < 3 && System.nanoTime() - deadline < 0) {
          Thread.sleep(10);
        }
        HttpResponse<String> response =
            http.send(
                java.net.http.HttpRequest.newBuilder(URI.create(gateway.url() + "/api/v1/drift"))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode template = JSON.readTree(response.body()).path("templates").path(0);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(template.path("prompt_template").asText()).isEqualTo("capitals");
        assertThat(template.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(template.path("state").asText()).isEqualTo("cold_start");
        assertThat(template.path("baseline_n").asInt()).isEqualTo(3);
        HttpResponse<String> history =
            http.send(
                java.net.http.HttpRequest.newBuilder(
                        URI.create(gateway.url() + "/api/v1/drift/history?template=capitals"))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(history.body()).path("points").isArray()).isTrue();
      }
    }
  }

  @Test
  void historyRejectsInvalidSince() throws Exception {
    DriftMonitorSettings settings =
        new DriftMonitorSettings(new DriftSettings(10, 10, 0.01, 10, 399), 1.0, 100, 8, null);
    GatewayMetrics metrics = new GatewayMetrics(GatewayMetrics.DEFAULT_LABEL_CAP);
    try (FakeUpstream upstream = new FakeUpstream();
        DuckDbCallStore store = DuckDbCallStore.open(data);
        DriftMonitor monitor =
            new DriftMonitor(
                settings,
                new LengthEmbedder(),
                DriftStore.open(store),
                UnaryOperator.identity(),
                metrics.registry(),
                100,
                Clock.systemUTC());
        GatewayServer gateway =
            GatewayServer.start(
                GatewaySettings.defaults().withPort(0).withUpstream(URI.create(upstream.url())),
                record -> true,
                PriceTable.builtIn(),
                metrics,
                (since, by) -> "{}",
                AccessSettings.none(),
                GuardSettings.none(),
                GatewayFeatures.none().withDrift(monitor))) {
      HttpResponse<String> response =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          URI.create(gateway.url() + "/api/v1/drift/history?since=yesterday"))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(400);
    }
  }

  private static String completion(String content) {
    return "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{"
        + "\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
        + content
        + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":5}}";
  }
}
