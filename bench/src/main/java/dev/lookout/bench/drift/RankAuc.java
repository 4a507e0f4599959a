package dev.lookout.bench.drift;

import java.util.Arrays;

/**
 * The area under the ROC curve of a score: the chance that a random positive text scores above a
 * random negative one, ties counting half (the Mann-Whitney U statistic divided by the number of
 * pairs).
 */
final class RankAuc {
  private RankAuc() {}

  static double of(double[] negative, double[] positive) {
    int n = negative.length + positive.length;
    double[] scores = new double[n];
    boolean[] isPositive = new boolean[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      boolean pos = i >= negative.length;
      scores[i] = pos ? positive[i - negative.length] : negative[i];
      isPositive[i] = pos;
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double positiveRanks = 0;
    for (int start = 0; start < n; ) {
      int end = start;
      while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) {
        end++;
      }
      // Tied scores share the mean of ranks start + 1 .. end + 1.
      double rank = (start + end) / 2.0 + 1;
      for (int k = start; k <= end; k++) {
        if (isPositive[order[k]]) {
          positiveRanks += rank;
        }
      }
      start = end + 1;
    }
    double p = positive.length;
    return (positiveRanks - p * (p + 1) / 2) / (p * negative.length);
  }
}
