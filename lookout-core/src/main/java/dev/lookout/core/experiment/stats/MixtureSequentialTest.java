package dev.lookout.core.experiment.stats;

/**
 * Always-valid p-value of a difference of means: the mixture sequential probability ratio test
 * (mSPRT) for a normally distributed difference, with a normal mixing distribution N(0, tau^2) over
 * the true difference.
 *
 * <p>With the observed difference {@code d} and its variance {@code V = s_t^2/n_t + s_c^2/n_c}, the
 * mixture likelihood ratio is {@code L = sqrt(V/(V+tau^2)) exp(d^2 tau^2 / (2 V (V+tau^2)))} and
 * the p-value is {@code min(1, 1/L)}. Under no difference, L is (asymptotically) a martingale of
 * mean 1, so by Ville's inequality the chance that {@code 1/L} ever falls below alpha, at any of
 * any number of looks, is at most alpha. A p-value read at every look may therefore be compared
 * with alpha every day, and the experiment stopped the first time it falls below.
 *
 * <p>Tuning: tau is the effect size the test is most sensitive to. Lookout uses the configured
 * minimum detectable effect in the metric's units ({@code mde * |control mean|}), and otherwise a
 * tenth of the pooled standard deviation of one observation.
 *
 * <p>NOTE: V is estimated from the data (plug-in variances), which makes the guarantee asymptotic;
 * with a few dozen observations per arm the error rate can exceed alpha slightly.
 */
public final class MixtureSequentialTest {
  /** Share of the pooled standard deviation used as tau when no effect size is configured. */
  public static final double DEFAULT_TAU_SD_SHARE = 0.1;

  private MixtureSequentialTest() {}

  /**
   * Returns the always-valid p-value of the current look.
   *
   * @param diff observed treatment-minus-control difference
   * @param variance variance of {@code diff}, above 0
   * @param tauSquared variance of the mixing distribution, above 0
   */
  public static double pValue(double diff, double variance, double tauSquared) {
    if (!(variance > 0) || !(tauSquared > 0)) {
      throw new IllegalArgumentException(
          "mSPRT needs a positive variance and tau^2, got " + variance + " and " + tauSquared);
    }
    double sum = variance + tauSquared;
    double logRatio =
        0.5 * Math.log(variance / sum) + diff * diff * tauSquared / (2 * variance * sum);
    return Math.min(1, Math.exp(-logRatio));
  }

  /**
   * Returns the always-valid p-value of treatment against control, or NaN when the variance of the
   * difference is 0 or undefined.
   *
   * @param tau the effect size to tune for, in the metric's units; null or non-positive picks a
   *     tenth of the pooled standard deviation
   */
  public static double pValue(SampleSummary treatment, SampleSummary control, Double tau) {
    if (treatment.n() < 2 || control.n() < 2) {
      return Double.NaN;
    }
    double variance = treatment.variance() / treatment.n() + control.variance() / control.n();
    if (!(variance > 0)) {
      return Double.NaN;
    }
    double scale;
    if (tau != null && tau > 0) {
      scale = tau;
    } else {
      scale = DEFAULT_TAU_SD_SHARE * Math.sqrt(treatment.plus(control).variance());
    }
    if (!(scale > 0)) {
      return Double.NaN;
    }
    return pValue(treatment.mean() - control.mean(), variance, scale * scale);
  }
}
