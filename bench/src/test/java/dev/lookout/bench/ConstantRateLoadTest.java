package dev.lookout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.gateway.sim.SimulatorSettings;
import dev.lookout.gateway.sim.TrafficRecord;
import dev.lookout.gateway.sim.UpstreamSimulator;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConstantRateLoadTest {
  private static Vertx vertx;
  private static UpstreamSimulator simulator;

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void startSimulator() {
    vertx = Vertx.vertx();
    SimulatorSettings settings = SimulatorSettings.defaults().withTiming(0, 0);
    simulator =
        UpstreamSimulator.start(
                vertx,
                settings,
                List.of(TrafficRecord.of(BenchOptions.DEFAULT_PROMPT, "A, b and c.", "gpt-4o")))
            .await();
  }

  @AfterAll
  static void stopSimulator() {
    simulator.close().await();
    vertx.close().await();
  }

  private static BenchOptions options(String... extra) {
    String[] base = {"--direct", simulator.baseUrl(), "--gateway", simulator.baseUrl()};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return BenchOptions.parse(args);
  }

  @Test
  void intendedSendTimesFollowTheRate() {
    assertThat(ConstantRateLoad.intendedOffsetNanos(0, 200)).isEqualTo(0);
    assertThat(ConstantRateLoad.intendedOffsetNanos(1, 200)).isEqualTo(5_000_000);
    assertThat(ConstantRateLoad.intendedOffsetNanos(200, 200)).isEqualTo(1_000_000_000);
    assertThat(ConstantRateLoad.intendedOffsetNanos(3, 3)).isEqualTo(1_000_000_000);
  }

  @Test
  void everyScheduledRequestSucceeds() throws Exception {
    ConstantRateLoad load = new ConstantRateLoad(client, 8, Duration.ofSeconds(10));
    String body = OverheadBenchmark.requestBody(options());

    PhaseResult result =
        load.run(URI.create(simulator.baseUrl() + "/v1/chat/completions"), body, false, 100, 30);

    assertThat(result.scheduled()).isEqualTo(30);
    assertThat(result.succeeded()).isEqualTo(30);
    assertThat(result.errors()).isZero();
    assertThat(result.unsent()).isZero();
  }

  @Test
  void streamedRequestsSucceed() throws Exception {
    ConstantRateLoad load = new ConstantRateLoad(client, 8, Duration.ofSeconds(10));
    String body = OverheadBenchmark.requestBody(options("--stream", "true"));

    PhaseResult result =
        load.run(URI.create(simulator.baseUrl() + "/v1/chat/completions"), body, true, 100, 20);

    assertThat(body).contains("\"stream\":true");
    assertThat(result.succeeded()).isEqualTo(20);
    assertThat(result.errors()).isZero();
  }

  @Test
  void non2xxAnswersCountAsErrors() throws Exception {
    ConstantRateLoad load = new ConstantRateLoad(client, 8, Duration.ofSeconds(10));

    PhaseResult result =
        load.run(URI.create(simulator.baseUrl() + "/v1/no-such-route"), "{}", false, 100, 10);

    assertThat(result.succeeded()).isZero();
    assertThat(result.errors()).isEqualTo(10);
  }

  @Test
  void refusedConnectionsCountAsErrors() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ConstantRateLoad load = new ConstantRateLoad(client, 4, Duration.ofSeconds(5));

    PhaseResult result =
        load.run(
            URI.create("http://127.0.0.1:" + closedPort + "/v1/chat/completions"),
            "{}",
            false,
            100,
            5);

    assertThat(result.succeeded()).isZero();
    assertThat(result.errors()).isEqualTo(5);
  }

  @Test
  void benchmarkRecordsEveryRoundForBothTargets() throws Exception {
    BenchOptions options =
        options("--rate", "50", "--duration", "0.2", "--warmup", "0.1", "--rounds", "2");

    OverheadBenchmark.Result result =
        new OverheadBenchmark(
                options, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
            .run();

    assertThat(result.rounds()).hasSize(4);
    assertThat(result.rounds())
        .extracting(ResultTables.RoundRow::target)
        .containsExactly(
            OverheadBenchmark.DIRECT,
            OverheadBenchmark.GATEWAY,
            OverheadBenchmark.GATEWAY,
            OverheadBenchmark.DIRECT);
    assertThat(result.direct().succeeded()).isEqualTo(20);
    assertThat(result.gateway().succeeded()).isEqualTo(20);
    assertThat(result.markdown()).contains("| p99 |");
  }
}
