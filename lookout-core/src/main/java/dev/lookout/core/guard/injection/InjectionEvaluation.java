package dev.lookout.core.guard.injection;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Detection metrics of injection scores against labels, overall and per {@code source}. A text
 * counts as flagged when its score is at or above the threshold.
 */
public final class InjectionEvaluation {
  private InjectionEvaluation() {}

  /**
   * Confusion counts and the metrics derived from them. A metric whose denominator is zero (recall
   * of a source without injections, say) is {@link Double#NaN}.
   */
  public record Metrics(
      int truePositives, int falsePositives, int trueNegatives, int falseNegatives) {

    public int n() {
      return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    public double precision() {
      return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
      return ratio(truePositives, truePositives + falseNegatives);
    }

    /** Returns the harmonic mean of precision and recall, NaN when either is undefined. */
    public double f1() {
      double p = precision();
      double r = recall();
      if (Double.isNaN(p) || Double.isNaN(r)) {
        return Double.NaN;
      }
      return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    public double falsePositiveRate() {
      return ratio(falsePositives, falsePositives + trueNegatives);
    }

    Metrics plus(boolean injection, boolean flagged) {
      return new Metrics(
          truePositives + (injection && flagged ? 1 : 0),
          falsePositives + (!injection && flagged ? 1 : 0),
          trueNegatives + (!injection && !flagged ? 1 : 0),
          falseNegatives + (injection && !flagged ? 1 : 0));
    }

    private static double ratio(int numerator, int denominator) {
      return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
  }

  /**
   * Metrics over all rows and per source.
   *
   * @param threshold the score at or above which a row counted as flagged
   * @param bySource metrics per {@link LabeledText#source()}, sorted by source
   */
  public record Report(double threshold, Metrics overall, Map<String, Metrics> bySource) {
    public Report {
      bySource = java.util.Collections.unmodifiableMap(new TreeMap<>(bySource));
    }
  }

  /**
   * Evaluates precomputed scores.
   *
   * @param scores the score of each row, in the order of {@code rows}
   */
  public static Report evaluate(List<LabeledText> rows, double[] scores, double threshold) {
    boolean[] flagged = new boolean[scores.length];
    for (int i = 0; i < scores.length; i++) {
      flagged[i] = scores[i] >= threshold;
    }
    return count(rows, flagged, threshold);
  }

  /**
   * Evaluates decisions made elsewhere, for example with a different threshold per validation fold.
   * The report's threshold is NaN.
   *
   * @param flagged whether each row was flagged, in the order of {@code rows}
   */
  public static Report evaluate(List<LabeledText> rows, boolean[] flagged) {
    return count(rows, flagged, Double.NaN);
  }

  private static Report count(List<LabeledText> rows, boolean[] flagged, double threshold) {
    if (rows.size() != flagged.length) {
      throw new IllegalArgumentException(
          "Got " + flagged.length + " decisions for " + rows.size() + " rows");
    }
    Metrics empty = new Metrics(0, 0, 0, 0);
    Metrics overall = empty;
    Map<String, Metrics> bySource = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      LabeledText row = rows.get(i);
      overall = overall.plus(row.injection(), flagged[i]);
      bySource.put(
          row.source(),
          bySource.getOrDefault(row.source(), empty).plus(row.injection(), flagged[i]));
    }
    return new Report(threshold, overall, bySource);
  }

  /** Scores every row with {@code classifier} and evaluates at its shipped threshold. */
  public static Report evaluate(List<LabeledText> rows, InjectionClassifier classifier) {
    return evaluate(rows, scores(rows, classifier), classifier.threshold());
  }

  /** Returns the score of each row by {@code classifier}, in the order of {@code rows}. */
  public static double[] scores(List<LabeledText> rows, InjectionClassifier classifier) {
    double[] scores = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      scores[i] = classifier.score(rows.get(i).text());
    }
    return scores;
  }
}
