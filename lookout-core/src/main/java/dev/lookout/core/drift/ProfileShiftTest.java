package dev.lookout.core.drift;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two-sample test of "the window's {@link WordProfile}s come from the baseline's distribution": the
 * squared distance between the two groups' mean profiles after whitening, with a permutation
 * p-value.
 *
 * <p>A change of model moves many word and punctuation rates a little, each by a fraction of its
 * spread. Whitening measures each move against the spread of its own direction, so many small
 * consistent moves add up, where a kernel test on raw features is dominated by the few directions
 * that vary most. Each feature is first divided by its pooled standard deviation; the correlation
 * matrix R of the result is then shrunk towards the identity ({@code (1 - λ) R + λ (tr R / d) I}, λ
 * = {@value #SHRINKAGE}), because about 170 features are estimated from a few hundred texts.
 *
 * <p>The covariance, its whitening and the statistic depend only on the pooled sample and the
 * labeling, so under exchangeability every relabeling is equally likely and the p-value {@code (1 +
 * #{permuted >= observed}) / (1 + B)} is valid whatever the data.
 */
public final class ProfileShiftTest {
  /** Weight of the identity in the shrunk covariance. */
  static final double SHRINKAGE = 0.3;

  private final int permutations;

  /**
   * Creates a test.
   *
   * @param permutations random relabelings per test; at least 1
   * @throws IllegalArgumentException if {@code permutations} is below 1
   */
  public ProfileShiftTest(int permutations) {
    Relabeling.requirePermutations(permutations);
    this.permutations = permutations;
  }

  /** Outcome: the whitened squared mean distance and its permutation p-value. */
  public record Result(double statistic, double pValue) {}

  /**
   * Tests a window against a baseline.
   *
   * @param baseline profiles of the baseline texts, each of the same length
   * @param window profiles of the window texts
   * @param random source of the permutations
   * @throws IllegalArgumentException if a group has fewer than 2 profiles or lengths differ
   */
  public Result run(List<float[]> baseline, List<float[]> window, SplittableRandom random) {
    Relabeling.Statistic statistic = prepare(baseline, window);
    Relabeling.Outcome outcome =
        Relabeling.test(baseline.size(), window.size(), permutations, random, statistic);
    return new Result(outcome.observed(), outcome.pValue());
  }

  /**
   * Whitens the pooled profiles and returns the statistic of a labeling, for {@link #run} or a
   * joint test. The statistic is thread-confined: it reuses one buffer.
   *
   * @throws IllegalArgumentException if a group has fewer than 2 profiles or lengths differ
   */
  static Relabeling.Statistic prepare(List<float[]> baseline, List<float[]> window) {
    int baselineSize = baseline.size();
    int windowSize = window.size();
    Relabeling.requireTwoEach(baselineSize, windowSize);

    int size = baselineSize + windowSize;
    int dimension = baseline.get(0).length;
    double[][] rows = new double[size][];
    for (int i = 0; i < size; i++) {
      float[] profile = i < baselineSize ? baseline.get(i) : window.get(i - baselineSize);
      if (profile.length != dimension) {
        throw new IllegalArgumentException(
            "Profiles differ in length: " + profile.length + " and " + dimension);
      }
      double[] row = new double[dimension];
      for (int j = 0; j < dimension; j++) {
        row[j] = profile[j];
      }
      rows[i] = row;
    }

    double[][] whitened = whiten(rows);
    if (whitened == null) {
      // Every text has the same profile: nothing can differ.
      return (order, small) -> 0;
    }

    double[] total = new double[dimension];
    for (double[] row : whitened) {
      for (int j = 0; j < dimension; j++) {
        total[j] += row[j];
      }
    }
    double[] sum = new double[dimension];
    return (order, small) -> statistic(whitened, total, order, small, sum);
  }

  /** Returns the squared distance between the mean of {@code order[0..small)} and the rest's. */
  private static double statistic(
      double[][] whitened, double[] total, int[] order, int small, double[] sum) {
    int dimension = total.length;
    Arrays.fill(sum, 0);
    for (int a = 0; a < small; a++) {
      double[] row = whitened[order[a]];
      for (int j = 0; j < dimension; j++) {
        sum[j] += row[j];
      }
    }
    double large = whitened.length - small;
    double squared = 0;
    for (int j = 0; j < dimension; j++) {
      double difference = sum[j] / small - (total[j] - sum[j]) / large;
      squared += difference * difference;
    }
    return squared;
  }

  /**
   * Returns the standardized rows (each feature centered and divided by its pooled standard
   * deviation) multiplied by the inverse Cholesky factor of their shrunk covariance, or null when
   * every row is the same.
   */
  private static double[][] whiten(double[][] rows) {
    int size = rows.length;
    int dimension = rows[0].length;
    double[] mean = new double[dimension];
    for (double[] row : rows) {
      for (int j = 0; j < dimension; j++) {
        mean[j] += row[j] / size;
      }
    }

    double[] scale = new double[dimension];
    for (double[] row : rows) {
      for (int j = 0; j < dimension; j++) {
        double difference = row[j] - mean[j];
        scale[j] += difference * difference;
      }
    }
    for (int j = 0; j < dimension; j++) {
      double deviation = Math.sqrt(scale[j] / (size - 1));
      // A feature no text uses stays 0 after centering; any scale leaves it there.
      scale[j] = deviation > 0 ? 1 / deviation : 1;
    }

    double[][] centered = new double[size][dimension];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < dimension; j++) {
        centered[i][j] = (rows[i][j] - mean[j]) * scale[j];
      }
    }

    double[][] covariance = new double[dimension][dimension];
    for (double[] row : centered) {
      for (int a = 0; a < dimension; a++) {
        double value = row[a];
        if (value == 0) {
          continue;
        }
        double[] target = covariance[a];
        for (int b = 0; b <= a; b++) {
          target[b] += value * row[b];
        }
      }
    }

    double trace = 0;
    for (int a = 0; a < dimension; a++) {
      for (int b = 0; b <= a; b++) {
        covariance[a][b] /= size - 1;
      }
      trace += covariance[a][a];
    }
    double ridge = SHRINKAGE * trace / dimension;
    if (!(ridge > 0)) {
      return null;
    }
    for (int a = 0; a < dimension; a++) {
      for (int b = 0; b <= a; b++) {
        covariance[a][b] *= 1 - SHRINKAGE;
      }
      covariance[a][a] += ridge;
    }

    double[][] factor = cholesky(covariance);
    double[][] whitened = new double[size][];
    for (int i = 0; i < size; i++) {
      whitened[i] = forwardSolve(factor, centered[i]);
    }
    return whitened;
  }

  /** Lower Cholesky factor of a symmetric positive definite matrix given by its lower half. */
  private static double[][] cholesky(double[][] lower) {
    int dimension = lower.length;
    double[][] factor = new double[dimension][dimension];
    for (int i = 0; i < dimension; i++) {
      for (int j = 0; j <= i; j++) {
        double value = lower[i][j];
        for (int k = 0; k < j; k++) {
          value -= factor[i][k] * factor[j][k];
        }
        // The ridge keeps the diagonal positive; the guard only catches rounding.
        factor[i][j] = i == j ? Math.sqrt(Math.max(value, 1e-300)) : value / factor[j][j];
      }
    }
    return factor;
  }

  /** Solves {@code factor · y = x} for lower-triangular {@code factor}. */
  private static double[] forwardSolve(double[][] factor, double[] x) {
    int dimension = x.length;
    double[] y = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      double value = x[i];
      double[] row = factor[i];
      for (int k = 0; k < i; k++) {
        value -= row[k] * y[k];
      }
      y[i] = value / row[i];
    }
    return y;
  }
}
