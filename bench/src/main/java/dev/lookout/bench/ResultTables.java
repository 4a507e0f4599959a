package dev.lookout.bench;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** Formats benchmark results as Markdown tables, which also read well as plain text. */
final class ResultTables {
  /** Added-p99 thresholds of the frontier table, in milliseconds. */
  static final List<Double> FRONTIER_THRESHOLDS_MILLIS = List.of(1.0, 5.0, 10.0);

  private ResultTables() {}

  /**
   * Returns, per case and per target after the baseline, the latency the target adds at each
   * percentile, with its throughput, errors, CPU and memory.
   *
   * <p>The added latency is the difference of two percentiles, which is not the percentile of
   * per-request differences: the two targets never see the same requests.
   */
  static String added(List<CaseResult> cases, List<String> targets) {
    String baseline = targets.get(0);
    StringBuilder out = new StringBuilder();
    out.append("| Case | Target | +p50 | +p90 | +p99 | +max | +first chunk p50 | +first chunk p99")
        .append(" | req/s | errors | unsent | CPU % | peak RSS (MiB) |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (CaseResult result : cases) {
      TargetTotals direct = result.totals(baseline);
      for (String name : targets.subList(1, targets.size())) {
        TargetTotals gateway = result.totals(name);
        boolean stream = result.loadCase().stream();
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %s | %s | %.1f | %d | %d | %s | %s |\n",
                result.loadCase().label(),
                name,
                signed(gateway.percentileMillis(50) - direct.percentileMillis(50)),
                signed(gateway.percentileMillis(90) - direct.percentileMillis(90)),
                signed(gateway.percentileMillis(99) - direct.percentileMillis(99)),
                signed(gateway.maxMillis() - direct.maxMillis()),
                stream ? signed(gateway.firstChunkMillis(50) - direct.firstChunkMillis(50)) : "",
                stream ? signed(gateway.firstChunkMillis(99) - direct.firstChunkMillis(99)) : "",
                gateway.throughputPerSecond(),
                gateway.errors(),
                gateway.unsent(),
                number(gateway.cpuPercent(), 0),
                number(gateway.maxResidentMib(), 0)));
      }
    }
    return out.toString();
  }

  /** Returns every target's own percentiles per case, the baseline included. */
  static String raw(List<CaseResult> cases, List<String> targets) {
    StringBuilder out = new StringBuilder();
    out.append("| Case | Target | p50 | p90 | p99 | p99.9 | max | first chunk p50")
        .append(" | first chunk p99 | ok | errors | unsent | req/s | max send lag")
        .append(" | CPU % | generator CPU % | peak RSS (MiB) | peak in flight |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:")
        .append("|---:|---:|\n");
    for (CaseResult result : cases) {
      boolean stream = result.loadCase().stream();
      for (String name : targets) {
        TargetTotals totals = result.totals(name);
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %s | %s | %d | %d | %d | %.1f"
                    + " | %.1f | %s | %s | %s | %d |\n",
                result.loadCase().label(),
                name,
                totals.percentileMillis(50),
                totals.percentileMillis(90),
                totals.percentileMillis(99),
                totals.percentileMillis(99.9),
                totals.maxMillis(),
                stream ? number(totals.firstChunkMillis(50), 3) : "",
                stream ? number(totals.firstChunkMillis(99), 3) : "",
                totals.succeeded(),
                totals.errors(),
                totals.unsent(),
                totals.throughputPerSecond(),
                totals.maxSendLagMillis(),
                number(totals.cpuPercent(), 0),
                number(totals.generatorCpuPercent(), 0),
                number(totals.maxResidentMib(), 0),
                totals.maxInFlight()));
      }
    }
    return out.toString();
  }

  /** Returns the throughput frontier of every target after the baseline, per kind of call. */
  static String frontier(List<CaseResult> cases, List<String> targets, List<Boolean> kinds) {
    StringBuilder out = new StringBuilder("| Target | Kind |");
    for (double threshold : FRONTIER_THRESHOLDS_MILLIS) {
      out.append(String.format(Locale.ROOT, " added p99 < %.0f ms (req/s) |", threshold));
    }
    out.append("\n|---|---|")
        .append("---:|".repeat(FRONTIER_THRESHOLDS_MILLIS.size()))
        .append('\n');
    for (String name : targets.subList(1, targets.size())) {
      for (boolean stream : kinds) {
        out.append("| ")
            .append(name)
            .append(" | ")
            .append(stream ? "stream" : "plain")
            .append(" |");
        for (double threshold : FRONTIER_THRESHOLDS_MILLIS) {
          OptionalDouble rate =
              Frontier.highestRate(cases, targets.get(0), name, stream, threshold);
          out.append(' ')
              .append(rate.isPresent() ? number(rate.getAsDouble(), 0) : "below lowest rate")
              .append(" |");
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** Returns one line per recorded phase, in run order, to show drift between rounds. */
  static String phases(List<CaseResult> cases) {
    StringBuilder out = new StringBuilder();
    out.append("| Case | Round | Target | ok | errors | unsent | p50 (ms) | p99 (ms) | max (ms)")
        .append(" | req/s | CPU % |\n");
    out.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (CaseResult result : cases) {
      for (CaseResult.PhaseRow row : result.phases()) {
        PhaseResult phase = row.result();
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %s | %d | %d | %d | %.3f | %.3f | %.3f | %.1f | %s |\n",
                result.loadCase().label(),
                row.round(),
                row.target(),
                phase.succeeded(),
                phase.errors(),
                phase.unsent(),
                phase.latencyMicros().getValueAtPercentile(50) / 1000.0,
                phase.latencyMicros().getValueAtPercentile(99) / 1000.0,
                phase.latencyMicros().getMaxValue() / 1000.0,
                phase.throughputPerSecond(),
                number(phase.usage().cpuPercent(), 0)));
      }
    }
    return out.toString();
  }

  /** Returns the open-streams memory check: peak streams in flight and peak resident memory. */
  static String openStreams(List<OpenStreamsResult> results) {
    StringBuilder out = new StringBuilder();
    out.append("| Target | streams sent | peak open streams | ok | errors | unsent")
        .append(" | peak RSS (MiB) | CPU % |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (OpenStreamsResult result : results) {
      PhaseResult phase = result.phase();
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %d | %d | %s | %s |\n",
              result.target(),
              phase.scheduled(),
              phase.usage().maxInFlight(),
              phase.succeeded(),
              phase.errors(),
              phase.unsent(),
              number(
                  phase.usage().maxResidentKib() < 0
                      ? Double.NaN
                      : phase.usage().maxResidentKib() / 1024.0,
                  0),
              number(phase.usage().cpuPercent(), 0)));
    }
    for (OpenStreamsResult result : results) {
      if (result.phase().errors() > 0) {
        out.append("\nErrors of ")
            .append(result.target())
            .append(": ")
            .append(result.phase().topErrorReasons(3))
            .append('\n');
      }
    }
    return out.toString();
  }

  /** One target's run of the open-streams memory check. */
  record OpenStreamsResult(String target, PhaseResult phase) {}

  private static String signed(double millis) {
    return String.format(Locale.ROOT, "%+.3f", millis);
  }

  private static String number(double value, int decimals) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
