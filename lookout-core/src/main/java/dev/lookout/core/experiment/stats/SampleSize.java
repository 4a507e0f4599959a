package dev.lookout.core.experiment.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Observations per arm that a two-sided test with equal arms needs to detect a given difference.
 *
 * <p>Rates: {@code n = (z(1-a/2) sqrt(2 p(1-p)) + z(power) sqrt(p1(1-p1) + p2(1-p2)))^2 /
 * (p2-p1)^2} with {@code p = (p1+p2)/2}, the normal approximation of the two-proportion z-test
 * without continuity correction.
 *
 * <p>Means: {@code n = 2 sigma^2 (z(1-a/2) + z(power))^2 / d^2}, the normal approximation of the
 * two-sample t-test. Results are rounded up to whole observations.
 */
public final class SampleSize {
  /** Formula of {@link #forRates}, as printed by the CLI. */
  public static final String RATE_FORMULA =
      "n = (z(1-alpha/2)*sqrt(2*p*(1-p)) + z(power)*sqrt(p1*(1-p1) + p2*(1-p2)))^2 / (p2-p1)^2,"
          + " p = (p1+p2)/2 (two-sided two-proportion z-test, equal arms)";

  /** Formula of {@link #forMeans}. */
  public static final String MEAN_FORMULA =
      "n = 2*sigma^2*(z(1-alpha/2) + z(power))^2 / d^2 (two-sided two-sample test, equal arms)";

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private SampleSize() {}

  /**
   * Returns the unrounded observations per arm to tell rate {@code p2} from {@code p1}.
   *
   * @throws IllegalArgumentException if a rate is outside (0, 1), the rates are equal, or alpha or
   *     power is outside (0, 1)
   */
  public static double forRatesExact(double p1, double p2, double alpha, double power) {
    checkRate("baseline rate", p1);
    checkRate("treatment rate (baseline + mde)", p2);
    if (p1 == p2) {
      throw new IllegalArgumentException("The minimum detectable effect must not be 0");
    }
    checkProbabilities(alpha, power);
    double za = NORMAL.inverseCumulativeProbability(1 - alpha / 2);
    double zb = NORMAL.inverseCumulativeProbability(power);
    double p = (p1 + p2) / 2;
    double root = za * Math.sqrt(2 * p * (1 - p)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
    return root * root / ((p2 - p1) * (p2 - p1));
  }

  /** Returns {@link #forRatesExact} rounded up. */
  public static long forRates(double p1, double p2, double alpha, double power) {
    return (long) Math.ceil(forRatesExact(p1, p2, alpha, power));
  }

  /**
   * Returns the unrounded observations per arm to detect a difference {@code delta} of means whose
   * per-observation variance is {@code variance}.
   */
  public static double forMeansExact(double variance, double delta, double alpha, double power) {
    if (!(variance >= 0) || !(delta != 0) || !Double.isFinite(delta)) {
      throw new IllegalArgumentException(
          "Sample size needs a variance of 0 or more and a non-zero difference, got variance "
              + variance
              + " and difference "
              + delta);
    }
    checkProbabilities(alpha, power);
    double z =
        NORMAL.inverseCumulativeProbability(1 - alpha / 2)
            + NORMAL.inverseCumulativeProbability(power);
    return 2 * variance * z * z / (delta * delta);
  }

  /** Returns {@link #forMeansExact} rounded up. */
  public static long forMeans(double variance, double delta, double alpha, double power) {
    return (long) Math.ceil(forMeansExact(variance, delta, alpha, power));
  }

  private static void checkRate(String name, double rate) {
    if (!(rate > 0 && rate < 1)) {
      throw new IllegalArgumentException(
          "The " + name + " must lie strictly between 0 and 1, got " + rate);
    }
  }

  private static void checkProbabilities(double alpha, double power) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must lie strictly between 0 and 1, got " + alpha);
    }
    if (!(power > 0 && power < 1)) {
      throw new IllegalArgumentException("power must lie strictly between 0 and 1, got " + power);
    }
  }
}
