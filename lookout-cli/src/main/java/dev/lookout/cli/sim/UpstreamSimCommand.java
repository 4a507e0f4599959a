package dev.lookout.cli.sim;

import dev.lookout.gateway.sim.SimulatorSettings;
import dev.lookout.gateway.sim.TrafficFile;
import dev.lookout.gateway.sim.TrafficRecord;
import dev.lookout.gateway.sim.UpstreamSimulator;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lookout upstream-sim}: runs an OpenAI-compatible {@link UpstreamSimulator} until the
 * process is stopped (Ctrl-C). It prints the URL to use as the gateway's upstream. Exit codes: 0
 * after a clean stop, 1 when the server cannot start, 2 for invalid options or an unreadable
 * responses file.
 */
@Command(
    name = "upstream-sim",
    mixinStandardHelpOptions = true,
    description = {
      "Runs an OpenAI-compatible upstream that responds with recorded traffic, offline.",
      "Headers x-sim-ttft-ms, x-sim-tokens-per-second, x-sim-chunk-interval-ms,",
      "x-sim-delay-ms and x-sim-status shape or fail one request."
    })
public final class UpstreamSimCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--responses",
      paramLabel = "FILE",
      description =
          "Traffic JSONL file (prompt, response, model per line). Default: the bundled demo"
              + " sample of 2000 AlpacaEval records.")
  Path responses;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = SimulatorSettings.DEFAULT_HOST,
      description = "Address to bind. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(
      names = "--port",
      paramLabel = "P",
      defaultValue = "0",
      description = "TCP port to bind, 0 for a free port. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--ttft-ms",
      paramLabel = "N",
      defaultValue = "300",
      description = "Time to first token in milliseconds. Default: ${DEFAULT-VALUE}.")
  long ttftMs;

  @Option(
      names = "--tokens-per-second",
      paramLabel = "N",
      defaultValue = "50",
      description =
          "Output tokens per second after the first token, 0 to send each response at once."
              + " Default: ${DEFAULT-VALUE}.")
  double tokensPerSecond;

  @Option(
      names = "--stream-chunk-interval-ms",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Fixed milliseconds between the content chunks of a stream, 0 to pace streams by"
              + " --tokens-per-second. Complete responses ignore it. Default: ${DEFAULT-VALUE}.")
  long streamChunkIntervalMs;

  @Override
  public Integer call() throws Exception {
    validate();
    List<TrafficRecord> records = readRecords();
    PrintWriter out = spec.commandLine().getOut();
    Vertx vertx = Vertx.vertx();
    UpstreamSimulator simulator;
    try {
      simulator =
          UpstreamSimulator.start(
                  vertx,
                  new SimulatorSettings(host, port, ttftMs, tokensPerSecond, streamChunkIntervalMs),
                  records)
              .await();
    } catch (RuntimeException e) {
      vertx.close().await();
      spec.commandLine()
          .getErr()
          .println(
              "upstream-sim: failed to listen on "
                  + host
                  + ":"
                  + port
                  + ": "
                  + e.getMessage()
                  + ". Choose another --port, or 0 for a free port.");
      return 1;
    }
    out.println(
        "upstream-sim: listening on "
            + simulator.baseUrl()
            + " with "
            + records.size()
            + " records. Press Ctrl-C to stop.");
    out.flush();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close().await();
                  vertx.close().await();
                  stopped.countDown();
                },
                "upstream-sim-shutdown"));
    stopped.await();
    return 0;
  }

  private void validate() {
    if (port < 0 || port > 65_535) {
      throw invalid("--port", String.valueOf(port), "Use 0 (a free port) to 65535");
    }
    if (ttftMs < 0) {
      throw invalid("--ttft-ms", String.valueOf(ttftMs), "Use 0 or more milliseconds");
    }
    if (!(tokensPerSecond >= 0) || Double.isInfinite(tokensPerSecond)) {
      throw invalid(
          "--tokens-per-second",
          String.valueOf(tokensPerSecond),
          "Use a number >= 0 (0 sends each response at once)");
    }
    if (streamChunkIntervalMs < 0) {
      throw invalid(
          "--stream-chunk-interval-ms",
          String.valueOf(streamChunkIntervalMs),
          "Use 0 (pace by --tokens-per-second) or more milliseconds");
    }
    if (host.isBlank()) {
      throw invalid("--host", host, "Give an address such as 127.0.0.1");
    }
  }

  private List<TrafficRecord> readRecords() {
    try {
      if (responses == null) {
        return DemoTraffic.load();
      }
      if (!Files.isRegularFile(responses)) {
        throw new ParameterException(
            spec.commandLine(),
            "Responses file not found: "
                + responses
                + ". Give the path of a traffic JSONL file to --responses.");
      }
      List<TrafficRecord> records = TrafficFile.read(responses);
      if (records.isEmpty()) {
        throw new ParameterException(
            spec.commandLine(),
            "Responses file " + responses + " has no records. Give a file with at least one.");
      }
      return records;
    } catch (IOException e) {
      throw new ParameterException(
          spec.commandLine(), "Cannot read the responses: " + e.getMessage(), e);
    }
  }

  private ParameterException invalid(String option, String value, String allowed) {
    return new ParameterException(
        spec.commandLine(),
        "Invalid value for option '" + option + "': " + value + ". " + allowed + ".");
  }
}
