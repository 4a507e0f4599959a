package dev.lookout.core.experiment.stats;

import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Sample-ratio-mismatch check: Pearson's chi-square goodness-of-fit test of the observed units per
 * variant against the shares the weights promise, with {@code k - 1} degrees of freedom over the
 * variants of positive weight. A p-value below {@link #THRESHOLD} means the split is broken (an
 * assignment bug, lost records, bots) and the other results should not be trusted.
 */
public final class SampleRatioTest {
  /** p-value below which a mismatch is flagged. */
  public static final double THRESHOLD = 0.001;

  private SampleRatioTest() {}

  /**
   * Returns the p-value, or NaN when fewer than two variants have weight or no unit was counted.
   *
   * @param observed units per variant
   * @param shares normalised weights in the same order
   */
  public static double pValue(List<Long> observed, List<Double> shares) {
    if (observed.size() != shares.size()) {
      throw new IllegalArgumentException(
          "Got " + observed.size() + " counts for " + shares.size() + " variant weights");
    }
    long total = 0;
    for (long count : observed) {
      total += count;
    }
    double statistic = 0;
    int cells = 0;
    for (int i = 0; i < observed.size(); i++) {
      double expected = total * shares.get(i);
      if (expected > 0) {
        double delta = observed.get(i) - expected;
        statistic += delta * delta / expected;
        cells++;
      } else if (observed.get(i) > 0) {
        // Units in a variant of weight 0 cannot happen by chance.
        return 0;
      }
    }
    if (total == 0 || cells < 2) {
      return Double.NaN;
    }
    return 1 - new ChiSquaredDistribution(null, cells - 1).cumulativeProbability(statistic);
  }
}
