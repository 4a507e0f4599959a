package dev.lookout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.gateway.sim.SimulatorSettings;
import dev.lookout.gateway.sim.TrafficRecord;
import dev.lookout.gateway.sim.UpstreamSimulator;
import io.vertx.core.Vertx;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LoadRunnerTest {
  private static final String PATH = "/v1/chat/completions";
  private static Vertx vertx;
  private static UpstreamSimulator simulator;

  private final LoadRunner runner = new LoadRunner(8, Duration.ofSeconds(10), 100);

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

  @AfterEach
  void closeRunner() {
    runner.close();
  }

  private static Target simulatorTarget() {
    return new Target(
        "direct", URI.create(simulator.baseUrl()), Map.of(), ProcessHandle.current().pid());
  }

  private static BenchOptions options(String... extra) {
    String[] base = {
      "--target", "direct=" + simulator.baseUrl(), "--target", "again=" + simulator.baseUrl()
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return BenchOptions.parse(args);
  }

  @Test
  void intendedSendTimesFollowTheRate() {
    assertThat(LoadRunner.intendedOffsetNanos(0, 200)).isEqualTo(0);
    assertThat(LoadRunner.intendedOffsetNanos(1, 200)).isEqualTo(5_000_000);
    assertThat(LoadRunner.intendedOffsetNanos(200, 200)).isEqualTo(1_000_000_000);
    assertThat(LoadRunner.intendedOffsetNanos(3, 3)).isEqualTo(1_000_000_000);
  }

  @Test
  void everyScheduledRequestSucceeds() throws Exception {
    String body = OverheadBenchmark.requestBody(options(), false);

    PhaseResult result =
        runner.runOpenLoop(simulatorTarget(), PATH, Map.of(), body, false, 100, 30);

    assertThat(result.scheduled()).isEqualTo(30);
    assertThat(result.succeeded()).isEqualTo(30);
    assertThat(result.errors()).isZero();
    assertThat(result.unsent()).isZero();
  }

  @Test
  void phaseMeasuresTargetProcess() throws Exception {
    String body = OverheadBenchmark.requestBody(options(), false);

    PhaseResult result =
        runner.runOpenLoop(simulatorTarget(), PATH, Map.of(), body, false, 100, 10);

    assertThat(result.usage().maxResidentKib()).isPositive();
    assertThat(result.usage().cpuPercent()).isNotNaN();
  }

  @Test
  void streamedRequestsSucceedWithFirstChunk() throws Exception {
    String body = OverheadBenchmark.requestBody(options(), true);

    PhaseResult result = runner.runOpenLoop(simulatorTarget(), PATH, Map.of(), body, true, 100, 20);

    assertThat(body).contains("\"stream\":true");
    assertThat(result.succeeded()).isEqualTo(20);
    assertThat(result.errors()).isZero();
    assertThat(result.firstChunkMicros().getTotalCount()).isEqualTo(20);
  }

  @Test
  void plainBodyCountsAsIncompleteStream() throws Exception {
    String plainBody = OverheadBenchmark.requestBody(options(), false);

    PhaseResult result =
        runner.runOpenLoop(simulatorTarget(), PATH, Map.of(), plainBody, true, 100, 5);

    assertThat(result.succeeded()).isZero();
    assertThat(result.errors()).isEqualTo(5);
  }

  @Test
  void closedLoopSendsOneAtATime() throws Exception {
    String body = OverheadBenchmark.requestBody(options(), false);

    PhaseResult result =
        runner.runClosedLoop(simulatorTarget(), PATH, body, false, Duration.ofMillis(300));

    assertThat(result.succeeded()).isPositive();
    assertThat(result.succeeded()).isEqualTo(result.scheduled());
    assertThat(result.usage().maxInFlight()).isLessThanOrEqualTo(1);
  }

  @Test
  void non2xxAnswersCountAsErrors() throws Exception {
    PhaseResult result =
        runner.runOpenLoop(simulatorTarget(), "/v1/no-such-route", Map.of(), "{}", false, 100, 10);

    assertThat(result.succeeded()).isZero();
    assertThat(result.errors()).isEqualTo(10);
  }

  @Test
  void refusedConnectionsCountAsErrors() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Target closed = new Target("closed", URI.create("http://127.0.0.1:" + closedPort), Map.of(), 0);

    PhaseResult result = runner.runOpenLoop(closed, PATH, Map.of(), "{}", false, 100, 5);

    assertThat(result.succeeded()).isZero();
    assertThat(result.errors()).isEqualTo(5);
  }

  @Test
  void benchmarkAlternatesTargetOrderPerRound() throws Exception {
    BenchOptions options =
        options(
            "--rates",
            "50",
            "--kinds",
            "plain",
            "--closed-loop",
            "false",
            "--duration",
            "0.2",
            "--warmup",
            "0.1",
            "--rounds",
            "2");

    OverheadBenchmark.Result result =
        new OverheadBenchmark(options, new PrintStream(OutputStream.nullOutputStream())).run();

    CaseResult only = result.cases().get(0);
    assertThat(only.phases())
        .extracting(CaseResult.PhaseRow::target)
        .containsExactly("direct", "again", "again", "direct");
    assertThat(only.totals("direct").succeeded()).isEqualTo(20);
    assertThat(only.totals("again").succeeded()).isEqualTo(20);
    assertThat(result.markdown(options)).contains("| plain 50/s | again |");
  }
}
