package dev.lookout.bench;

import java.util.List;
import java.util.Locale;

/** Formats benchmark results as Markdown tables, which also read well as plain text. */
final class ResultTables {
  /** One recorded phase, for the per-round table. */
  record RoundRow(int round, String target, PhaseResult result) {}

  /**
   * Send lag in milliseconds above which the summary adds a note; a chosen threshold, not measured.
   */
  static final double SEND_LAG_NOTE_MILLIS = 5;

  private ResultTables() {}

  /**
   * Returns the percentile table of both targets and the latency the gateway adds at each
   * percentile, followed by counts and throughput.
   *
   * <p>The added latency is the difference of the two percentiles, which is not the percentile of
   * per-request differences: the two targets never see the same requests.
   */
  static String summary(TargetTotals direct, TargetTotals gateway) {
    StringBuilder out = new StringBuilder();

    out.append("| Latency (ms) | ")
        .append(direct.name())
        .append(" | ")
        .append(gateway.name())
        .append(" | Added by gateway |\n");
    out.append("|---|---:|---:|---:|\n");
    for (double percentile : List.of(50.0, 90.0, 99.0, 99.9)) {
      out.append(
          row(
              "p" + trim(percentile),
              direct.percentileMillis(percentile),
              gateway.percentileMillis(percentile)));
    }
    out.append(row("max", direct.maxMillis(), gateway.maxMillis()));
    out.append('\n');

    out.append("| Counts | ")
        .append(direct.name())
        .append(" | ")
        .append(gateway.name())
        .append(" |\n");
    out.append("|---|---:|---:|\n");
    out.append(countRow("scheduled requests", direct.scheduled(), gateway.scheduled()));
    out.append(countRow("succeeded", direct.succeeded(), gateway.succeeded()));
    out.append(countRow("errors", direct.errors(), gateway.errors()));
    out.append(countRow("unsent (sender fell behind)", direct.unsent(), gateway.unsent()));
    out.append(
        String.format(
            Locale.ROOT,
            "| achieved throughput (req/s) | %.1f | %.1f |\n",
            direct.throughputPerSecond(),
            gateway.throughputPerSecond()));
    out.append(
        String.format(
            Locale.ROOT,
            "| max send lag (ms) | %.3f | %.3f |\n",
            direct.maxSendLagMillis(),
            gateway.maxSendLagMillis()));
    if (Math.max(direct.maxSendLagMillis(), gateway.maxSendLagMillis()) > SEND_LAG_NOTE_MILLIS) {
      out.append('\n')
          .append("The load generator sent some requests late (see max send lag). Their latency")
          .append(" still counts from the intended send time, so the delay is charged to them,")
          .append(" but it means the generator itself lost the CPU for that long.\n");
    }
    return out.toString();
  }

  /** Returns one line per recorded phase, in run order, to show drift between rounds. */
  static String rounds(List<RoundRow> rows) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| Round | Target | Succeeded | Errors | Unsent | p50 (ms) | p99 (ms) | max (ms) | req/s |\n");
    out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (RoundRow row : rows) {
      PhaseResult result = row.result();
      out.append(
          String.format(
              Locale.ROOT,
              "| %d | %s | %d | %d | %d | %.3f | %.3f | %.3f | %.1f |\n",
              row.round(),
              row.target(),
              result.succeeded(),
              result.errors(),
              result.unsent(),
              result.latencyMicros().getValueAtPercentile(50) / 1000.0,
              result.latencyMicros().getValueAtPercentile(99) / 1000.0,
              result.latencyMicros().getMaxValue() / 1000.0,
              result.throughputPerSecond()));
    }
    return out.toString();
  }

  private static String row(String label, double direct, double gateway) {
    return String.format(
        Locale.ROOT, "| %s | %.3f | %.3f | %+.3f |\n", label, direct, gateway, gateway - direct);
  }

  private static String countRow(String label, long direct, long gateway) {
    return String.format(Locale.ROOT, "| %s | %d | %d |\n", label, direct, gateway);
  }

  private static String trim(double percentile) {
    return percentile == Math.rint(percentile)
        ? Long.toString((long) percentile)
        : Double.toString(percentile);
  }
}
