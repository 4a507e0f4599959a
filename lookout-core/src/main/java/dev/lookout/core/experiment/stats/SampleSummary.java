package dev.lookout.core.experiment.stats;

/**
 * Sufficient statistics of one sample: count, sum and sum of squares. A store can compute them in
 * one aggregate query, and every test here needs nothing else.
 *
 * @param n number of observations
 * @param sum sum of the values
 * @param sumOfSquares sum of the squared values
 */
public record SampleSummary(long n, double sum, double sumOfSquares) {

  public SampleSummary {
    if (n < 0) {
      throw new IllegalArgumentException("Sample size must be 0 or more, got " + n);
    }
  }

  /** Returns the summary of these values. */
  public static SampleSummary of(double... values) {
    double sum = 0;
    double squares = 0;
    for (double value : values) {
      sum += value;
      squares += value * value;
    }
    return new SampleSummary(values.length, sum, squares);
  }

  /** Returns the summary of {@code successes} ones among {@code n} zero-or-one values. */
  public static SampleSummary ofSuccesses(long successes, long n) {
    return new SampleSummary(n, successes, successes);
  }

  /** Returns the mean, or NaN when empty. */
  public double mean() {
    return n == 0 ? Double.NaN : sum / n;
  }

  /**
   * Returns the unbiased sample variance (divisor n - 1), or NaN below two observations. Rounding
   * can make the textbook formula slightly negative for constant samples, so it is floored at 0.
   */
  public double variance() {
    if (n < 2) {
      return Double.NaN;
    }
    double mean = sum / n;
    return Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
  }

  /** Returns the union of this sample and {@code other}. */
  public SampleSummary plus(SampleSummary other) {
    return new SampleSummary(n + other.n, sum + other.sum, sumOfSquares + other.sumOfSquares);
  }
}
