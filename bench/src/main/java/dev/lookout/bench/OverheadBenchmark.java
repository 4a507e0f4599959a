package dev.lookout.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the latency the gateway adds: sends the same chat completion at a constant rate to the
 * upstream directly and through the gateway, in alternating rounds, and prints the percentiles of
 * both and their difference.
 *
 * <p>Rounds alternate the order (direct then gateway, then gateway then direct) so slow drift on
 * the machine, such as JIT warm-up, CPU frequency or a noisy neighbour, falls on both targets about
 * equally. See {@link ConstantRateLoad} for how latency is measured.
 */
public final class OverheadBenchmark {
  static final String DIRECT = "direct";
  static final String GATEWAY = "via gateway";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BenchOptions options;
  private final PrintStream progress;

  OverheadBenchmark(BenchOptions options, PrintStream progress) {
    this.options = options;
    this.progress = progress;
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || List.of(args).contains("--help")) {
      System.out.println(BenchOptions.USAGE);
      System.exit(args.length == 0 ? 2 : 0);
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("lookout-bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    Result result = new OverheadBenchmark(options, System.err).run();
    String markdown = result.markdown();
    System.out.print(markdown);
    if (options.markdownOut().isPresent()) {
      Files.writeString(options.markdownOut().get(), markdown, StandardCharsets.UTF_8);
    }
    boolean bothAnswered = result.direct().succeeded() > 0 && result.gateway().succeeded() > 0;
    System.exit(bothAnswered ? 0 : 1);
  }

  /** Totals per target and the per-round rows of one run. */
  record Result(TargetTotals direct, TargetTotals gateway, List<ResultTables.RoundRow> rounds) {
    String markdown() {
      return ResultTables.summary(direct, gateway) + "\n" + ResultTables.rounds(rounds);
    }
  }

  /** Runs the warm-up and every round, and returns the recorded results. */
  Result run() throws InterruptedException, IOException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    ConstantRateLoad load = new ConstantRateLoad(client, options.maxInFlight(), options.timeout());
    String body = requestBody(options);
    URI directUrl = URI.create(options.direct() + options.path());
    URI gatewayUrl = URI.create(options.gateway() + options.path());

    if (!options.warmup().isZero()) {
      long count = options.requestsIn(options.warmup());
      for (URI url : List.of(directUrl, gatewayUrl)) {
        progress.printf(Locale.ROOT, "warm-up: %d requests to %s (not recorded)%n", count, url);
        PhaseResult warmup = load.run(url, body, options.stream(), options.ratePerSecond(), count);
        if (warmup.succeeded() == 0) {
          progress.printf(
              Locale.ROOT,
              "warm-up: no request to %s succeeded (%d errors); check that it serves %s%n",
              url,
              warmup.errors(),
              options.path());
        }
      }
    }

    TargetTotals direct = new TargetTotals(DIRECT);
    TargetTotals gateway = new TargetTotals(GATEWAY);
    List<ResultTables.RoundRow> rows = new ArrayList<>();
    long count = options.requestsIn(options.phase());
    for (int round = 1; round <= options.rounds(); round++) {
      boolean directFirst = round % 2 == 1;
      for (int slot = 0; slot < 2; slot++) {
        boolean isDirect = (slot == 0) == directFirst;
        TargetTotals totals = isDirect ? direct : gateway;
        URI url = isDirect ? directUrl : gatewayUrl;
        PhaseResult phase = load.run(url, body, options.stream(), options.ratePerSecond(), count);
        totals.add(phase);
        rows.add(new ResultTables.RoundRow(round, totals.name(), phase));
        progress.printf(
            Locale.ROOT,
            "round %d %-11s: %d ok, %d errors, %d unsent, p50 %.3f ms, p99 %.3f ms%n",
            round,
            totals.name(),
            phase.succeeded(),
            phase.errors(),
            phase.unsent(),
            phase.latencyMicros().getValueAtPercentile(50) / 1000.0,
            phase.latencyMicros().getValueAtPercentile(99) / 1000.0);
      }
    }
    return new Result(direct, gateway, rows);
  }

  /** Returns the JSON body of the chat completion request every phase sends. */
  static String requestBody(BenchOptions options) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", options.model());
    ObjectNode message = root.putArray("messages").addObject();
    message.put("role", "user");
    message.put("content", options.prompt());
    if (options.stream()) {
      root.put("stream", true);
      root.putObject("stream_options").put("include_usage", true);
    }
    return JSON.writeValueAsString(root);
  }
}
