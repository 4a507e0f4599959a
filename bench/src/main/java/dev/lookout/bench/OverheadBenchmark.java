package dev.lookout.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the latency gateways add: sends the same chat completion to the upstream directly and
 * through each gateway, case by case (plain and streamed calls, one request at a time and at
 * several constant rates), in alternating rounds, and prints the percentiles of every target and
 * the difference to the upstream's.
 *
 * <p>Odd rounds run the targets in the given order and even rounds in reverse, so slow drift on the
 * machine, such as JIT warm-up, CPU frequency or a noisy neighbour, falls on all targets about
 * equally. See {@link LoadRunner} for how latency is measured.
 */
public final class OverheadBenchmark {
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
    String markdown = result.markdown(options);
    System.out.print(markdown);
    if (options.markdownOut().isPresent()) {
      Files.writeString(options.markdownOut().get(), markdown, StandardCharsets.UTF_8);
    }
    System.exit(result.everyTargetAnswered() ? 0 : 1);
  }

  /** Results of every case and of the open-streams check. */
  record Result(
      List<String> targets,
      List<CaseResult> cases,
      List<ResultTables.OpenStreamsResult> openStreams,
      List<String> skipped) {

    /** Returns whether every target had at least one successful request in every case. */
    boolean everyTargetAnswered() {
      return cases.stream()
          .allMatch(c -> c.totals().values().stream().allMatch(t -> t.succeeded() > 0));
    }

    String markdown(BenchOptions options) {
      StringBuilder out = new StringBuilder();
      if (targets.size() > 1) {
        out.append("### Targets\n\n")
            .append("The gateway's targets on this machine, checked against this run. An added")
            .append(" p99 is the gateway's p99 minus the upstream's over all rounds; the per-round")
            .append(" figures pair each round's two phases. The gateway is saturated from the")
            .append(" lowest rate of a kind at which its throughput fell below 95% of the")
            .append(
                " upstream's own in the same case: it no longer kept up with the offered rate.\n\n")
            .append(TargetCheck.table(cases, targets, openStreams))
            .append('\n');
      }
      out.append("### Added latency (target minus ")
          .append(targets.get(0))
          .append(", ms)\n\n")
          .append(ResultTables.added(cases, targets));
      if (!skipped.isEmpty()) {
        out.append("\nSkipped because ")
            .append(targets.get(0))
            .append(" alone failed requests at a lower rate: ")
            .append(String.join(", ", skipped))
            .append(".\n");
      }
      out.append("\n### Throughput frontier\n\n")
          .append("The highest rate at which the target had no error and no unsent request and")
          .append(" its added p99 stayed under the threshold, at that rate and every lower rate")
          .append(" measured.\n\n")
          .append(ResultTables.frontier(cases, targets, options.kinds()));
      if (!openStreams.isEmpty()) {
        out.append("\n### Open streams\n\n")
            .append(
                String.format(
                    Locale.ROOT,
                    "%d streams opened over %.1f s, each sending its chunks %d ms apart, so all"
                        + " are open at once near the end of the ramp. Peak RSS is the highest"
                        + " VmRSS sampled every %d ms.%n%n",
                    options.openStreams(),
                    options.openStreamsRamp().toMillis() / 1000.0,
                    options.openStreamsChunkIntervalMs(),
                    ResourceSampler.SAMPLE_MILLIS))
            .append(ResultTables.openStreams(openStreams));
      }
      out.append("\n### Latency per target (ms)\n\n")
          .append(ResultTables.raw(cases, targets))
          .append("\n### Phases in run order\n\n")
          .append(ResultTables.phases(cases));
      return out.toString();
    }
  }

  /** Runs every case and the open-streams check, and returns the recorded results. */
  Result run() throws InterruptedException, IOException {
    List<String> names = options.targets().stream().map(Target::name).toList();
    int poolSize = Math.max(options.maxInFlight(), options.openStreams());
    List<CaseResult> cases = new ArrayList<>();
    List<ResultTables.OpenStreamsResult> openStreams = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    try (LoadRunner runner = new LoadRunner(poolSize, options.timeout(), options.clockTicks())) {
      String baseline = names.get(0);
      for (LoadCase loadCase : options.cases()) {
        if (baselineSaturated(cases, baseline, loadCase)) {
          progress.printf(
              Locale.ROOT,
              "%s: skipped, because %s already failed requests at a lower rate%n",
              loadCase.label(),
              baseline);
          skipped.add(loadCase.label());
          continue;
        }
        cases.add(runCase(runner, loadCase));
      }
      if (options.openStreams() > 0) {
        for (Target target : options.targets()) {
          openStreams.add(runOpenStreams(runner, target));
        }
      }
    }
    return new Result(names, cases, openStreams, skipped);
  }

  /**
   * Returns whether an open-loop case can be skipped because the upstream alone already had errors
   * or unsent requests at a lower rate of the same kind: the gateways' numbers above that rate
   * would measure the saturated machine, not the gateways.
   */
  static boolean baselineSaturated(List<CaseResult> done, String baseline, LoadCase next) {
    if (next.isClosedLoop()) {
      return false;
    }
    return done.stream()
        .anyMatch(
            c ->
                !c.loadCase().isClosedLoop()
                    && c.loadCase().stream() == next.stream()
                    && c.loadCase().ratePerSecond() < next.ratePerSecond()
                    && !c.totals(baseline).clean());
  }

  private CaseResult runCase(LoadRunner runner, LoadCase loadCase)
      throws InterruptedException, IOException {
    String body = requestBody(options, loadCase.stream());
    if (!options.warmup().isZero()) {
      for (Target target : options.targets()) {
        progress.printf(
            Locale.ROOT, "%s: warm-up of %s (not recorded)%n", loadCase.label(), target.name());
        PhaseResult warmup = runPhase(runner, target, loadCase, body, options.warmup());
        if (warmup.succeeded() == 0) {
          progress.printf(
              Locale.ROOT,
              "%s: no warm-up request to %s succeeded (%d errors); check that %s serves %s%n",
              loadCase.label(),
              target.name(),
              warmup.errors(),
              target.baseUrl(),
              options.path());
        }
      }
    }
    Map<String, TargetTotals> totals = new LinkedHashMap<>();
    for (Target target : options.targets()) {
      totals.put(target.name(), new TargetTotals(target.name()));
    }
    List<CaseResult.PhaseRow> rows = new ArrayList<>();
    for (int round = 1; round <= options.rounds(); round++) {
      List<Target> order = new ArrayList<>(options.targets());
      if (round % 2 == 0) {
        java.util.Collections.reverse(order);
      }
      for (Target target : order) {
        PhaseResult phase = runPhase(runner, target, loadCase, body, options.phase());
        totals.get(target.name()).add(phase);
        rows.add(new CaseResult.PhaseRow(round, target.name(), phase));
        progress.printf(
            Locale.ROOT,
            "%s round %d %-8s: %d ok, %d errors, %d unsent, p50 %.3f ms, p99 %.3f ms%n",
            loadCase.label(),
            round,
            target.name(),
            phase.succeeded(),
            phase.errors(),
            phase.unsent(),
            phase.latencyMicros().getValueAtPercentile(50) / 1000.0,
            phase.latencyMicros().getValueAtPercentile(99) / 1000.0);
        if (phase.errors() > 0) {
          progress.printf(
              Locale.ROOT,
              "%s round %d %-8s: errors: %s%n",
              loadCase.label(),
              round,
              target.name(),
              phase.topErrorReasons(3));
        }
      }
    }
    return new CaseResult(loadCase, totals, rows);
  }

  private PhaseResult runPhase(
      LoadRunner runner, Target target, LoadCase loadCase, String body, java.time.Duration length)
      throws InterruptedException {
    if (loadCase.isClosedLoop()) {
      return runner.runClosedLoop(target, options.path(), body, loadCase.stream(), length);
    }
    long count = BenchOptions.requestsIn(length, loadCase.ratePerSecond());
    return runner.runOpenLoop(
        target, options.path(), Map.of(), body, loadCase.stream(), loadCase.ratePerSecond(), count);
  }

  private ResultTables.OpenStreamsResult runOpenStreams(LoadRunner runner, Target target)
      throws InterruptedException, IOException {
    double rate = options.openStreams() / (options.openStreamsRamp().toNanos() / 1e9);
    progress.printf(
        Locale.ROOT,
        "open streams: %d to %s at %.0f/s%n",
        options.openStreams(),
        target.name(),
        rate);
    PhaseResult phase =
        runner.runOpenLoop(
            target,
            options.path(),
            Map.of("x-sim-chunk-interval-ms", Long.toString(options.openStreamsChunkIntervalMs())),
            requestBody(options, true),
            true,
            rate,
            options.openStreams());
    progress.printf(
        Locale.ROOT,
        "open streams %-8s: peak %d open, %d ok, %d errors, %d unsent%n",
        target.name(),
        phase.usage().maxInFlight(),
        phase.succeeded(),
        phase.errors(),
        phase.unsent());
    if (phase.errors() > 0) {
      progress.printf(
          Locale.ROOT, "open streams %-8s: errors: %s%n", target.name(), phase.topErrorReasons(3));
    }
    return new ResultTables.OpenStreamsResult(target.name(), phase);
  }

  /** Returns the JSON body of the chat completion request of one kind. */
  static String requestBody(BenchOptions options, boolean stream) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", options.model());
    ObjectNode message = root.putArray("messages").addObject();
    message.put("role", "user");
    message.put("content", options.prompt());
    if (stream) {
      root.put("stream", true);
      root.putObject("stream_options").put("include_usage", true);
    }
    return JSON.writeValueAsString(root);
  }
}
