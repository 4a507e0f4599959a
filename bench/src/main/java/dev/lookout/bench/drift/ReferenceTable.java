package dev.lookout.bench.drift;

import java.util.List;
import java.util.Locale;

/** Markdown tables of {@link DriftPowerReference}'s results. */
final class ReferenceTable {
  private ReferenceTable() {}

  /**
   * The discriminants of one scenario, one per feature set, in {@link FeatureSet} order.
   *
   * @param scenario sources A and B
   * @param fitting texts of A and of B in the fitting half
   * @param testing texts of A and of B in the testing half
   * @param auc AUC of each discriminant on the testing half, B being the positive class
   * @param penalty the penalty that cross-validation chose for each discriminant
   */
  record Fit(
      ReferenceScenario scenario, int[] fitting, int[] testing, double[] auc, double[] penalty) {}

  /**
   * The z-test's results on the windows of one row.
   *
   * @param name what the windows hold
   * @param size texts per window
   * @param baseline texts per baseline
   * @param found windows whose z-test rejected at alpha, per feature set in {@link FeatureSet}
   *     order, out of the same windows
   */
  record Windows(String name, int size, int baseline, RateInterval[] found) {}

  static String fits(List<Fit> fits) {
    StringBuilder out = new StringBuilder();
    out.append("| A (baseline) and B | fitting texts A / B | testing texts A / B |");
    for (FeatureSet set : FeatureSet.values()) {
      out.append(" AUC, ").append(set.title()).append(" |");
    }
    out.append(" penalties chosen |\n|---|---:|---:|");
    out.append("---:|".repeat(FeatureSet.values().length)).append("---|\n");
    for (Fit fit : fits) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d / %d | %d / %d |",
              fit.scenario().label(),
              fit.fitting()[0],
              fit.fitting()[1],
              fit.testing()[0],
              fit.testing()[1]));
      for (double auc : fit.auc()) {
        out.append(String.format(Locale.ROOT, " %.3f |", auc));
      }
      StringBuilder penalties = new StringBuilder();
      for (double penalty : fit.penalty()) {
        penalties.append(penalties.length() == 0 ? "" : ", ");
        penalties.append(String.format(Locale.ROOT, "%.0e", penalty).replace("e+0", "e"));
      }
      out.append(' ').append(penalties).append(" |\n");
    }
    return out.toString();
  }

  static String windows(List<Windows> rows, double alpha) {
    StringBuilder out = new StringBuilder();
    out.append("| window holds | window | baseline | windows |");
    for (FeatureSet set : FeatureSet.values()) {
      out.append(" found, ").append(set.title()).append(" [95% CI] |");
    }
    out.append("\n|---|---:|---:|---:|").append("---|".repeat(FeatureSet.values().length));
    out.append('\n');
    for (Windows row : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d |",
              row.name(),
              row.size(),
              row.baseline(),
              row.found()[0].trials()));
      for (RateInterval found : row.found()) {
        out.append(' ').append(found.format()).append(" |");
      }
      out.append('\n');
    }
    out.append(String.format(Locale.ROOT, "%nOne-sided Welch z-test at alpha %s.%n", alpha));
    return out.toString();
  }
}
