package dev.lookout.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.gateway.sim.SimulatorSettings;
import dev.lookout.gateway.sim.TrafficRecord;
import dev.lookout.gateway.sim.UpstreamSimulator;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReplayerTest {
  static final List<TrafficRecord> RECORDS = records(10);

  static Vertx vertx;
  static UpstreamSimulator simulator;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    simulator =
        UpstreamSimulator.start(vertx, SimulatorSettings.defaults().withTiming(0, 0), RECORDS)
            .await();
  }

  @AfterAll
  static void stop() {
    simulator.close().await();
    vertx.close().await();
  }

  @Test
  void allRequestsSucceed() throws Exception {
    ReplaySummary summary = new Replayer(settings(simulator.baseUrl(), 0, 4, 0)).run(RECORDS);

    assertThat(summary.sent()).isEqualTo(10);
    assertThat(summary.succeeded()).isEqualTo(10);
    assertThat(summary.failed()).isZero();
  }

  @Test
  void limitCapsRequests() throws Exception {
    ReplaySummary summary = new Replayer(settings(simulator.baseUrl(), 0, 4, 3)).run(RECORDS);

    assertThat(summary.sent()).isEqualTo(3);
    assertThat(summary.succeeded()).isEqualTo(3);
  }

  @Test
  void unreachableGatewayCountsFailures() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ReplaySummary summary =
        new Replayer(settings("http://127.0.0.1:" + closedPort, 0, 2, 4)).run(RECORDS);

    assertThat(summary.sent()).isEqualTo(4);
    assertThat(summary.failed()).isEqualTo(4);
    assertThat(summary.failures()).containsEntry("ConnectException", 4);
  }

  @Test
  void halfOfRequestsStream() {
    Replayer replayer = new Replayer(settings(simulator.baseUrl(), 0, 1, 0));
    List<Integer> streamed = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      if (replayer.isStreamed(i)) {
        streamed.add(i);
      }
    }

    assertThat(streamed).containsExactly(1, 3, 5, 7, 9);
  }

  @Test
  void gatewaySeesBothStreamShapes() throws Exception {
    try (RecordingGateway gateway = new RecordingGateway(0)) {
      ReplaySummary summary = new Replayer(settings(gateway.url(), 0, 1, 0)).run(RECORDS);
      List<JsonNode> bodies = bodies(gateway);

      assertThat(summary.succeeded()).isEqualTo(10);
      assertThat(bodies).filteredOn(body -> body.path("stream").asBoolean()).hasSize(5);
      assertThat(bodies)
          .filteredOn(body -> body.at("/stream_options/include_usage").asBoolean())
          .hasSize(3);
    }
  }

  @Test
  void requestCarriesRecordFields() throws Exception {
    try (RecordingGateway gateway = new RecordingGateway(0)) {
      ReplaySettings settings =
          new ReplaySettings(
              URI.create(gateway.url()), 0, 1, 0, 3, 5, null, "sk-test", Duration.ofSeconds(10));
      new Replayer(settings).run(RECORDS);
      RecordingGateway.Received first = receivedFor(gateway, "prompt 0");
      RecordingGateway.Received fourth = receivedFor(gateway, "prompt 4");

      assertThat(first.body().get("model").asText()).isEqualTo("gpt-4o");
      assertThat(first.body().get("user").asText()).isEqualTo("user-0");
      assertThat(fourth.body().get("user").asText()).isEqualTo("user-1");
      assertThat(first.headers().get("authorization")).isEqualTo("Bearer sk-test");
      assertThat(first.headers().get("x-lookout-template")).isEqualTo("even");
      assertThat(fourth.body().has("stream")).isFalse();
    }
  }

  @Test
  void recordWithoutModelGetsDefault() throws Exception {
    try (RecordingGateway gateway = new RecordingGateway(0)) {
      new Replayer(settings(gateway.url(), 0, 1, 2)).run(RECORDS);

      assertThat(receivedFor(gateway, "prompt 1").body().get("model").asText())
          .isEqualTo(ReplaySettings.DEFAULT_MODEL);
    }
  }

  @Test
  void modelSettingOverridesRecord() throws Exception {
    try (RecordingGateway gateway = new RecordingGateway(0)) {
      ReplaySettings settings =
          new ReplaySettings(
              URI.create(gateway.url()), 0, 1, 0.5, 0, 2, "o3-mini", "k", Duration.ofSeconds(10));
      new Replayer(settings).run(RECORDS);

      assertThat(gateway.requests)
          .allMatch(received -> received.body().get("model").asText().equals("o3-mini"));
    }
  }

  @Test
  void concurrencyBoundsInFlight() throws Exception {
    try (RecordingGateway gateway = new RecordingGateway(50)) {
      ReplaySummary summary = new Replayer(settings(gateway.url(), 0, 2, 0)).run(RECORDS);

      assertThat(summary.succeeded()).isEqualTo(10);
      assertThat(gateway.maxInFlight.get()).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void rateSpacesRequests() throws Exception {
    ReplaySummary summary = new Replayer(settings(simulator.baseUrl(), 20, 4, 5)).run(RECORDS);

    // Five requests at 20 per second: the last is due 4 / 20 s = 200 ms after the first.
    assertThat(summary.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void summaryLineFormat() {
    ReplaySummary summary = new ReplaySummary(3, 2, 1, Duration.ofMillis(12_345), Map.of());

    assertThat(summary.line()).isEqualTo("replay: sent=3 succeeded=2 failed=1 elapsed=12.3s");
  }

  @Test
  void gatewayWithV1IsNotDoubled() {
    ReplaySettings settings = ReplaySettings.defaults(URI.create("http://127.0.0.1:9/v1/"));

    assertThat(settings.chatCompletionsUri())
        .isEqualTo(URI.create("http://127.0.0.1:9/v1/chat/completions"));
  }

  static ReplaySettings settings(String url, double rate, int concurrency, int limit) {
    return new ReplaySettings(
        URI.create(url), rate, concurrency, 0.5, 0, limit, null, "sk-test", Duration.ofSeconds(10));
  }

  /** Returns records "prompt i" with model gpt-4o for even i, none for odd i. */
  static List<TrafficRecord> records(int count) {
    List<TrafficRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(
          new TrafficRecord(
              "prompt " + i,
              "answer number " + i,
              i % 2 == 0 ? "gpt-4o" : null,
              i % 2 == 0 ? "even" : null,
              null,
              null,
              List.of()));
    }
    return records;
  }

  private static RecordingGateway.Received receivedFor(RecordingGateway gateway, String prompt) {
    return gateway.requests.stream()
        .filter(received -> received.body().at("/messages/0/content").asText().equals(prompt))
        .findFirst()
        .orElseThrow();
  }

  private static List<JsonNode> bodies(RecordingGateway gateway) {
    return gateway.requests.stream().map(RecordingGateway.Received::body).toList();
  }
}
