package dev.lookout.bench.drift;

import java.util.List;
import java.util.Locale;

/** Markdown tables of the benchmark's results. */
final class ResultTable {
  private ResultTable() {}

  static String stationary(List<CaseResult> results, DriftBenchOptions options) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "### False-positive rate (stationary windows, alpha %s, baseline %d)%n%n",
            options.alpha(),
            options.baselineSize()));
    out.append(
        "| baseline and window drawn from | window | windows | drifted [95% CI] |"
            + " mean centroid distance |\n|---|---:|---:|---|---:|\n");
    int hits = 0;
    int trials = 0;
    for (CaseResult result : results) {
      if (result.scenario().shifted()) {
        continue;
      }
      hits += result.detected().hits();
      trials += result.detected().trials();
      out.append(row(result));
    }
    if (trials > 0) {
      out.append(
          String.format(
              Locale.ROOT,
              "| **all stationary windows** | | %d | %s | |%n",
              trials,
              new RateInterval(hits, trials).format()));
    }
    return out.toString();
  }

  static String shifted(List<CaseResult> results, DriftBenchOptions options) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "### Detection rate (shifted windows, alpha %s, baseline %d)%n%n",
            options.alpha(),
            options.baselineSize()));
    out.append(
        "| window holds | window | windows | drifted [95% CI] | mean centroid distance |\n"
            + "|---|---:|---:|---|---:|\n");
    for (CaseResult result : results) {
      if (result.scenario().shifted()) {
        out.append(row(result));
      }
    }
    return out.toString();
  }

  private static String row(CaseResult result) {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %s | %.4f |%n",
        result.scenario().name(),
        result.windowSize(),
        result.detected().trials(),
        result.detected().format(),
        result.meanDistance());
  }
}
