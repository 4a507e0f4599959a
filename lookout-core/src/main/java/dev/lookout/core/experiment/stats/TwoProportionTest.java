package dev.lookout.core.experiment.stats;

import java.util.Optional;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Two-proportion z-test for rates. The test uses the pooled standard error {@code sqrt(p(1-p)(1/n_t
 * + 1/n_c))} with {@code p} the rate of both arms together, which is the standard error under the
 * null hypothesis (equal to the chi-square test of the 2x2 table without continuity correction).
 * The 95% interval uses the unpooled (Wald) standard error {@code sqrt(p_t(1-p_t)/n_t +
 * p_c(1-p_c)/n_c)}, because under the alternative the rates differ. {@link
 * Comparison#standardError()} is the unpooled one.
 */
public final class TwoProportionTest {
  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private TwoProportionTest() {}

  /**
   * Compares treatment with control; the summaries' sums are the success counts. Empty when either
   * side is empty or both rates are 0 or both are 1, because the test is undefined there.
   */
  public static Optional<Comparison> compare(SampleSummary treatment, SampleSummary control) {
    long nt = treatment.n();
    long nc = control.n();
    if (nt == 0 || nc == 0) {
      return Optional.empty();
    }
    double pt = treatment.sum() / nt;
    double pc = control.sum() / nc;
    double pooled = (treatment.sum() + control.sum()) / (nt + nc);
    double pooledSe = Math.sqrt(pooled * (1 - pooled) * (1.0 / nt + 1.0 / nc));
    if (!(pooledSe > 0)) {
      return Optional.empty();
    }
    double diff = pt - pc;
    double z = diff / pooledSe;
    double p = Math.min(1, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
    double se = Math.sqrt(pt * (1 - pt) / nt + pc * (1 - pc) / nc);
    double quantile = NORMAL.inverseCumulativeProbability(0.975);
    return Optional.of(new Comparison(diff, se, diff - quantile * se, diff + quantile * se, z, p));
  }
}
