package dev.lookout.core.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two-sample test of "the window's embeddings come from the baseline's distribution": the maximum
 * mean discrepancy (MMD) with a Gaussian kernel, and a permutation test for its p-value.
 *
 * <p>The statistic is the biased estimate {@code MMD² = mean k(x,x') + mean k(y,y') - 2 mean
 * k(x,y)} with {@code k(a,b) = exp(-|a-b|² / h)}, where the bandwidth {@code h} is the median
 * squared distance between pooled vectors. The p-value is {@code (1 + #{permuted MMD² >= observed})
 * / (1 + B)} over {@code B} random relabelings of the pooled sample. When baseline and window are
 * exchangeable (the same distribution, drawn independently), that p-value is at most {@code alpha}
 * with probability at most {@code alpha}, whatever the embedding model or the data: the
 * false-positive rate of one test is controlled by construction. The bandwidth depends only on the
 * pooled sample, so it does not break that property.
 *
 * <p>Cost: {@code O((n+m)²)} kernel values and {@code O(B·min(n,m)²)} additions; for a baseline of
 * 500, a window of 200 and 1,000 permutations that is a few tens of milliseconds.
 */
public final class MmdTest {
  /** Permutations unless configured; p-values then have a resolution of about 0.001. */
  public static final int DEFAULT_PERMUTATIONS = 1000;

  /** Window texts reported as farthest from the baseline, unless configured. */
  public static final int DEFAULT_FARTHEST = 5;

  /** Above this many pairs, the bandwidth is the median of a random subset of pairs. */
  private static final int BANDWIDTH_PAIRS = 100_000;

  private final int permutations;
  private final int farthest;

  /**
   * Creates a test.
   *
   * @param permutations random relabelings per test; at least 1
   * @param farthest how many window texts to report as farthest from the baseline; 0 or more
   * @throws IllegalArgumentException if a count is out of range
   */
  public MmdTest(int permutations, int farthest) {
    Relabeling.requirePermutations(permutations);
    if (farthest < 0) {
      throw new IllegalArgumentException(
          "Invalid count of farthest texts " + farthest + ": it must be 0 or more");
    }
    this.permutations = permutations;
    this.farthest = farthest;
  }

  /** Returns the number of random relabelings per test. */
  public int permutations() {
    return permutations;
  }

  /**
   * Tests a window against a baseline.
   *
   * @param products dot products of the pooled sample: baseline vectors first, then window vectors
   * @param baselineSize how many of the pooled vectors belong to the baseline
   * @param random source of the permutations
   * @throws IllegalArgumentException if the baseline or the window has fewer than 2 vectors
   */
  public MmdResult run(DotProducts products, int baselineSize, SplittableRandom random) {
    Prepared prepared = prepare(products, baselineSize, random);
    int windowSize = products.size() - baselineSize;
    Relabeling.Outcome outcome =
        Relabeling.test(baselineSize, windowSize, permutations, random, prepared.statistic());
    return MmdResult.ofMmd(
        Math.max(0, outcome.observed()),
        outcome.pValue(),
        prepared.distance(),
        baselineSize,
        windowSize,
        prepared.farthest());
  }

  /**
   * The parts of a test that do not depend on the labeling.
   *
   * @param statistic MMD² of a labeling
   * @param distance the centroid distance of the vectors tested
   * @param farthest the window entries farthest from the baseline
   */
  record Prepared(Relabeling.Statistic statistic, double distance, List<WindowDistance> farthest) {}

  /**
   * Computes the kernel matrix of a pooled sample, for {@link #run} or a joint test.
   *
   * @throws IllegalArgumentException if the baseline or the window has fewer than 2 vectors
   */
  Prepared prepare(DotProducts products, int baselineSize, SplittableRandom random) {
    int size = products.size();
    int windowSize = size - baselineSize;
    Relabeling.requireTwoEach(baselineSize, windowSize);
    double gamma = 1 / medianSquaredDistance(products, random);
    double[][] kernel = new double[size][size];
    double[] rowSums = new double[size];
    double total = 0;
    for (int i = 0; i < size; i++) {
      kernel[i][i] = 1;
      for (int j = i + 1; j < size; j++) {
        double value = Math.exp(-gamma * squaredDistance(products, i, j));
        kernel[i][j] = value;
        kernel[j][i] = value;
      }
    }
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        rowSums[i] += kernel[i][j];
      }
      total += rowSums[i];
    }
    return new Prepared(
        new Statistic(kernel, rowSums, total),
        centroidDistance(products, baselineSize),
        farthestFromBaseline(kernel, baselineSize, windowSize));
  }

  private static double squaredDistance(DotProducts products, int i, int j) {
    // |a-b|² = |a|² + |b|² - 2a·b; rounding can make it slightly negative for equal vectors.
    double value = products.dot(i, i) + products.dot(j, j) - 2 * products.dot(i, j);
    return Math.max(0, value);
  }

  private static double medianSquaredDistance(DotProducts products, SplittableRandom random) {
    int size = products.size();
    long pairs = (long) size * (size - 1) / 2;
    double[] values;
    if (pairs <= BANDWIDTH_PAIRS) {
      values = new double[(int) pairs];
      int k = 0;
      for (int i = 0; i < size; i++) {
        for (int j = i + 1; j < size; j++) {
          values[k++] = squaredDistance(products, i, j);
        }
      }
    } else {
      values = new double[BANDWIDTH_PAIRS];
      for (int k = 0; k < values.length; k++) {
        int i = random.nextInt(size);
        int j = random.nextInt(size - 1);
        values[k] = squaredDistance(products, i, j >= i ? j + 1 : j);
      }
    }
    Arrays.sort(values);
    double median = values[values.length / 2];
    // Identical texts everywhere: any bandwidth gives a statistic of 0 and a p-value of 1.
    return median > 0 ? median : 1;
  }

  /** Returns 1 minus the cosine similarity of the baseline's and the window's mean vectors. */
  private static double centroidDistance(DotProducts products, int baselineSize) {
    int size = products.size();
    double baselineBaseline = 0;
    double windowWindow = 0;
    double baselineWindow = 0;
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        double product = products.dot(i, j);
        boolean iBaseline = i < baselineSize;
        boolean jBaseline = j < baselineSize;
        if (iBaseline && jBaseline) {
          baselineBaseline += product;
        } else if (!iBaseline && !jBaseline) {
          windowWindow += product;
        } else if (iBaseline) {
          baselineWindow += product;
        }
      }
    }
    double norms = Math.sqrt(baselineBaseline * windowWindow);
    return norms > 0 ? 1 - baselineWindow / norms : 0;
  }

  private List<WindowDistance> farthestFromBaseline(
      double[][] kernel, int baselineSize, int windowSize) {
    List<WindowDistance> distances = new ArrayList<>(windowSize);
    for (int w = 0; w < windowSize; w++) {
      double[] row = kernel[baselineSize + w];
      double similarity = 0;
      for (int i = 0; i < baselineSize; i++) {
        similarity += row[i];
      }
      distances.add(new WindowDistance(w, 1 - similarity / baselineSize));
    }
    distances.sort(Comparator.comparingDouble(WindowDistance::distance).reversed());
    return List.copyOf(distances.subList(0, Math.min(farthest, windowSize)));
  }

  /**
   * The biased MMD² of a labeling, from sums over the smaller group only: with G the smaller group
   * and H the other, {@code S_GH = sum of row sums over G - S_GG} and {@code S_HH = total - 2 S_GH
   * - S_GG}.
   */
  private static final class Statistic implements Relabeling.Statistic {
    private final double[][] kernel;
    private final double[] rowSums;
    private final double total;

    Statistic(double[][] kernel, double[] rowSums, double total) {
      this.kernel = kernel;
      this.rowSums = rowSums;
      this.total = total;
    }

    /** Returns MMD² when the smaller group is {@code order[0..small)}. */
    @Override
    public double of(int[] order, int small) {
      double withinSmall = 0;
      double rowSum = 0;
      for (int a = 0; a < small; a++) {
        int i = order[a];
        double[] row = kernel[i];
        rowSum += rowSums[i];
        double half = 0;
        for (int b = a + 1; b < small; b++) {
          half += row[order[b]];
        }
        withinSmall += 2 * half + row[i];
      }
      double across = rowSum - withinSmall;
      double withinLarge = total - 2 * across - withinSmall;
      double smallN = small;
      double largeN = order.length - small;
      return withinSmall / (smallN * smallN)
          + withinLarge / (largeN * largeN)
          - 2 * across / (smallN * largeN);
    }
  }
}
