package dev.lookout.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.cli.sim.DemoTraffic;
import dev.lookout.gateway.sim.SimulatorSettings;
import dev.lookout.gateway.sim.TrafficRecord;
import dev.lookout.gateway.sim.UpstreamSimulator;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReplayCommandTest {
  static Vertx vertx;
  static UpstreamSimulator simulator;
  static List<TrafficRecord> demo;
  @TempDir static Path folder;
  static Path trafficFile;

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeAll
  static void start() throws Exception {
    demo = DemoTraffic.load();
    vertx = Vertx.vertx();
    simulator =
        UpstreamSimulator.start(vertx, SimulatorSettings.defaults().withTiming(0, 0), demo).await();
    trafficFile = folder.resolve("traffic.jsonl");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      lines.add("{\"prompt\":\"question " + i + "\",\"response\":\"answer\",\"category\":\"qa\"}");
    }
    Files.write(trafficFile, lines);
  }

  @AfterAll
  static void stop() {
    simulator.close().await();
    vertx.close().await();
  }

  @Test
  void demoTrafficHas2000Records() {
    assertThat(demo).hasSize(2000);
  }

  @Test
  void demoTrafficHasFourModels() {
    assertThat(demo)
        .extracting(TrafficRecord::model)
        .containsOnly(
            "gpt-4o-2024-05-13",
            "gpt-4o-mini-2024-07-18",
            "claude-3-5-sonnet-20240620",
            "gpt-4-1106-preview");
  }

  @Test
  void replayPrintsSummary() {
    int exitCode = run(trafficFile.toString(), "--gateway", simulator.baseUrl());

    assertThat(exitCode).isZero();
    assertThat(out.toString()).startsWith("replay: sent=6 succeeded=6 failed=0 elapsed=");
  }

  @Test
  void limitOptionCapsRequests() {
    int exitCode =
        run(
            trafficFile.toString(),
            "--gateway",
            simulator.baseUrl(),
            "--limit",
            "2",
            "--users",
            "2");

    assertThat(exitCode).isZero();
    assertThat(out.toString()).startsWith("replay: sent=2 succeeded=2 failed=0 ");
  }

  @Test
  void failuresExitWithOne() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    int exitCode =
        run(trafficFile.toString(), "--gateway", "http://127.0.0.1:" + closedPort, "--limit", "1");

    assertThat(exitCode).isEqualTo(1);
    assertThat(out.toString()).startsWith("replay: sent=1 succeeded=0 failed=1 ");
    assertThat(err.toString()).contains("failures by cause: ConnectException=1");
  }

  @Test
  void negativeRateIsRejected() {
    int exitCode = run(trafficFile.toString(), "--gateway", simulator.baseUrl(), "--rate", "-1");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString())
        .contains("Invalid value for option '--rate': -1. Use requests per second >= 0");
  }

  @Test
  void zeroConcurrencyIsRejected() {
    int exitCode =
        run(trafficFile.toString(), "--gateway", simulator.baseUrl(), "--concurrency", "0");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString())
        .contains("Invalid value for option '--concurrency': 0. Use 1 or more.");
  }

  @Test
  void streamRatioAboveOneIsRejected() {
    int exitCode =
        run(trafficFile.toString(), "--gateway", simulator.baseUrl(), "--stream-ratio", "1.5");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString())
        .contains("Invalid value for option '--stream-ratio': 1.5. Use a fraction from 0 to 1.");
  }

  @Test
  void negativeLimitIsRejected() {
    int exitCode = run(trafficFile.toString(), "--gateway", simulator.baseUrl(), "--limit", "-3");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid value for option '--limit': -3.");
  }

  @Test
  void negativeUsersIsRejected() {
    int exitCode = run(trafficFile.toString(), "--gateway", simulator.baseUrl(), "--users", "-1");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid value for option '--users': -1.");
  }

  @Test
  void urlWithoutSchemeIsRejected() {
    int exitCode = run(trafficFile.toString(), "--gateway", "127.0.0.1:8080");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString())
        .contains("Invalid value for option '--gateway': 127.0.0.1:8080. Give an http://");
  }

  @Test
  void missingFileIsRejected() {
    String missing = folder.resolve("absent.jsonl").toString();
    int exitCode = run(missing, "--gateway", simulator.baseUrl());

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).contains("Traffic file not found: " + missing);
  }

  @Test
  void badLineIsReported() throws Exception {
    Path bad = folder.resolve("bad.jsonl");
    Files.writeString(bad, "{\"prompt\":\"a\",\"response\":\"b\"}\nnot json\n");
    int exitCode = run(bad.toString(), "--gateway", simulator.baseUrl());

    assertThat(exitCode).as(err.toString()).isEqualTo(2);
    assertThat(err.toString()).contains(bad + " line 2: invalid JSON");
  }

  private int run(String... args) {
    CommandLine command = new CommandLine(new ReplayCommand());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }
}
