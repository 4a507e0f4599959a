package dev.lookout.core.experiment.stats;

import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's t-test for a difference of means with unequal variances. The standard error is {@code
 * sqrt(s_t^2/n_t + s_c^2/n_c)} with unbiased sample variances; the degrees of freedom follow
 * Welch-Satterthwaite, and the 95% interval is {@code diff ± t(0.975, df) * se}. Matches {@code
 * scipy.stats.ttest_ind(..., equal_var=False)}.
 */
public final class WelchTest {
  private WelchTest() {}

  /**
   * Compares treatment with control. Empty when either side has fewer than two observations or both
   * have zero variance, because the test is undefined there.
   */
  public static Optional<Comparison> compare(SampleSummary treatment, SampleSummary control) {
    if (treatment.n() < 2 || control.n() < 2) {
      return Optional.empty();
    }
    double vt = treatment.variance() / treatment.n();
    double vc = control.variance() / control.n();
    double variance = vt + vc;
    if (!(variance > 0)) {
      return Optional.empty();
    }
    double se = Math.sqrt(variance);
    double df = variance * variance / (vt * vt / (treatment.n() - 1) + vc * vc / (control.n() - 1));
    double diff = treatment.mean() - control.mean();
    double t = diff / se;
    TDistribution distribution = new TDistribution(null, df);
    // cdf(-|t|) keeps its relative precision for tiny p-values, where 1 - cdf(|t|) would not.
    double p = Math.min(1, 2 * distribution.cumulativeProbability(-Math.abs(t)));
    double quantile = distribution.inverseCumulativeProbability(0.975);
    return Optional.of(new Comparison(diff, se, diff - quantile * se, diff + quantile * se, t, p));
  }

  /**
   * Returns only the two-sided p-value of {@link #compare}, or NaN where that is empty. Cheaper,
   * because it skips the t quantile of the interval, which is found by a numeric solver.
   */
  public static double pValue(SampleSummary treatment, SampleSummary control) {
    if (treatment.n() < 2 || control.n() < 2) {
      return Double.NaN;
    }
    double vt = treatment.variance() / treatment.n();
    double vc = control.variance() / control.n();
    double variance = vt + vc;
    if (!(variance > 0)) {
      return Double.NaN;
    }
    double df = variance * variance / (vt * vt / (treatment.n() - 1) + vc * vc / (control.n() - 1));
    double t = (treatment.mean() - control.mean()) / Math.sqrt(variance);
    return Math.min(1, 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t)));
  }
}
