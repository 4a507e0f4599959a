package dev.lookout.bench.drift;

/**
 * One-sided two-sample z-test on means with unequal variances (Welch's standard error and the
 * normal distribution, which suits samples of a hundred or more): is the window's mean score above
 * the baseline's?
 */
final class WelchZTest {
  /** Coefficients of the polynomial in t of {@link #erfc}, lowest power first. */
  private static final double[] ERFC = {
    -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806,
    0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277
  };

  private WelchZTest() {}

  /**
   * Returns the z statistic: the window's mean minus the baseline's, divided by the standard error
   * of that difference.
   */
  static double statistic(double[] baseline, double[] window) {
    double meanBaseline = mean(baseline);
    double meanWindow = mean(window);
    double error =
        Math.sqrt(
            variance(baseline, meanBaseline) / baseline.length
                + variance(window, meanWindow) / window.length);
    return (meanWindow - meanBaseline) / error;
  }

  /** Returns the one-sided p-value, the chance of a z at least this large with equal means. */
  static double pValue(double[] baseline, double[] window) {
    return upperTail(statistic(baseline, window));
  }

  /**
   * Returns P(Z > z) for a standard normal Z. The complementary error function is the routine
   * {@code erfcc} of Numerical Recipes in C (Press et al.), a Chebyshev fit whose relative error is
   * below 1.2e-7 everywhere.
   */
  static double upperTail(double z) {
    return erfc(z / Math.sqrt(2)) / 2;
  }

  private static double erfc(double x) {
    double t = 1 / (1 + 0.5 * Math.abs(x));
    double poly = 0;
    for (int k = ERFC.length - 1; k >= 0; k--) {
      poly = poly * t + ERFC[k];
    }
    double value = t * Math.exp(-x * x + poly);
    return x >= 0 ? value : 2 - value;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }

  /** Returns the sample variance, with n - 1 in the denominator. */
  private static double variance(double[] values, double mean) {
    double sum = 0;
    for (double value : values) {
      sum += (value - mean) * (value - mean);
    }
    return sum / (values.length - 1);
  }
}
