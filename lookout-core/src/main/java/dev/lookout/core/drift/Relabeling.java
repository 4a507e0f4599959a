package dev.lookout.core.drift;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Shared parts of the permutation tests: the size check and the random relabelings. */
final class Relabeling {
  /** Relabelings of a joint test drawn and scored together, bounding their memory. */
  private static final int ORDERS_PER_CHUNK = 1024;

  /** Statistics within this much of each other, times their scale, are tied. */
  private static final double TIE_TOLERANCE = 1e-9;

  /** Sums of logarithms of ranks within this much of each other are equal products. */
  private static final double PRODUCT_TOLERANCE = 1e-9;

  private Relabeling() {}

  /** A two-sample statistic of a labeling of the pooled sample. */
  @FunctionalInterface
  interface Statistic {
    /** Returns the statistic when {@code order[0..small)} contains the smaller group's indices. */
    double of(int[] order, int small);
  }

  /**
   * Outcome of a permutation test.
   *
   * @param observed the statistic of the actual labeling
   * @param pValue {@code (1 + #{permuted >= observed}) / (1 + permutations)}
   */
  record Outcome(double observed, double pValue) {}

  /**
   * Runs a permutation test over a pool of baseline indices {@code [0, baselineSize)} followed by
   * window indices. Each permutation moves a random subset of the smaller group's size to the
   * front, and the observed labeling puts the smaller group's own indices there. It is the joint
   * test of one statistic, so values that only rounding sets apart are ties here as there.
   */
  static Outcome test(
      int baselineSize,
      int windowSize,
      int permutations,
      SplittableRandom random,
      Statistic statistic) {
    JointOutcome outcome =
        testJoint(
            baselineSize,
            windowSize,
            permutations,
            random,
            1,
            (order, small, values) -> values[0] = statistic.of(order, small));
    return new Outcome(outcome.observed()[0], outcome.marginalPValue(0));
  }

  /** Several two-sample statistics of one labeling, computed together. */
  @FunctionalInterface
  interface Statistics {
    /**
     * Writes the statistics into {@code values} when {@code order[0..small)} is the small group.
     */
    void of(int[] order, int small, double[] values);
  }

  /**
   * Runs one permutation test of several statistics over the same relabelings. Each statistic's
   * p-value is its rank among the observed and permuted values, {@code #{values >= v} / (1 + B)}.
   * The joint p-value ranks the observed labeling among all by the product and by the smallest of
   * each labeling's p-values ({@link JointOutcome#pValue}). The observed labeling is one more draw
   * under exchangeability, so the result is a valid p-value however the statistics depend on each
   * other.
   *
   * @param count how many statistics {@code statistics} writes
   * @return the observed statistics' values and every labeling's ranks
   */
  static JointOutcome testJoint(
      int baselineSize,
      int windowSize,
      int permutations,
      SplittableRandom random,
      int count,
      Statistics statistics) {
    return testJoint(
        baselineSize, windowSize, permutations, random, List.of(new Part(count, statistics)));
  }

  /**
   * Statistics computed together, as one part of a joint test.
   *
   * @param count how many statistics {@code statistics} writes
   */
  record Part(int count, Statistics statistics) {}

  /**
   * Runs {@link #testJoint(int, int, int, SplittableRandom, int, Statistics)} on the statistics of
   * several parts, in order. Each chunk of relabelings is drawn first, and each part then runs over
   * all of the chunk in turn, so that one part's data stays in the processor's cache while it is in
   * use.
   */
  static JointOutcome testJoint(
      int baselineSize,
      int windowSize,
      int permutations,
      SplittableRandom random,
      List<Part> parts) {
    int small = Math.min(baselineSize, windowSize);
    int labelings = permutations + 1;
    int count = 0;
    for (Part part : parts) {
      count += part.count();
    }
    double[][] values = new double[count][labelings];
    int[] order = observedOrder(baselineSize, windowSize);
    // The relabelings are drawn a chunk at a time, so that a million of them never sit in memory
    // at once, and the draws are the same whatever the chunk size.
    int[][] orders = new int[Math.min(labelings, ORDERS_PER_CHUNK)][order.length];
    for (int chunkStart = 0; chunkStart < labelings; chunkStart += orders.length) {
      int chunkSize = Math.min(orders.length, labelings - chunkStart);
      for (int i = 0; i < chunkSize; i++) {
        if (chunkStart + i > 0) {
          shuffleHead(order, small, random);
        }
        System.arraycopy(order, 0, orders[i], 0, order.length);
      }
      int first = 0;
      for (Part part : parts) {
        double[] row = new double[part.count()];
        for (int i = 0; i < chunkSize; i++) {
          part.statistics().of(orders[i], small, row);
          for (int k = 0; k < row.length; k++) {
            values[first + k][chunkStart + i] = row[k];
          }
        }
        first += part.count();
      }
    }

    double[] observed = new double[count];
    int[][] ranks = new int[count][labelings];
    for (int k = 0; k < count; k++) {
      observed[k] = values[k][0];
      ranks[k] = ranks(values[k]);
    }
    return new JointOutcome(observed, ranks);
  }

  /**
   * Returns, for each value, how many values are at least as large, counting values that only
   * rounding sets apart as ties. The statistics add up terms of order 1 or more, so the same
   * labeling summed in another order can differ by about 1e-12. Sorted neighbours closer than
   * {@value #TIE_TOLERANCE} times the largest magnitude (at least 1) join one group with one rank,
   * so that ties are transitive and a statistic's own p-value and the joint p-value agree on them.
   */
  private static int[] ranks(double[] values) {
    int labelings = values.length;
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double scale = Math.max(1, Math.max(Math.abs(sorted[0]), Math.abs(sorted[labelings - 1])));
    double tolerance = TIE_TOLERANCE * scale;
    int[] groupStart = new int[labelings];
    for (int i = 1; i < labelings; i++) {
      groupStart[i] = sorted[i] - sorted[i - 1] <= tolerance ? groupStart[i - 1] : i;
    }
    int[] ranks = new int[labelings];
    for (int b = 0; b < labelings; b++) {
      ranks[b] = labelings - groupStart[lowerBound(sorted, values[b])];
    }
    return ranks;
  }

  /**
   * Outcome of a joint permutation test.
   *
   * @param observed each statistic of the actual labeling
   * @param ranks {@code ranks[k][b]}: how many labelings have statistic {@code k} at least as large
   *     as labeling {@code b}'s, itself included. Labeling 0 is the observed one.
   */
  record JointOutcome(double[] observed, int[][] ranks) {
    /** Returns the joint p-value of all the statistics. */
    double pValue() {
      return pValue(0, observed.length);
    }

    /**
     * Returns the joint p-value of statistics {@code from} to {@code to - 1}. Each labeling gets
     * two combined values: the product of its p-values (Fisher's method) and the smallest of them.
     * The product adds up statistics that each move a little, as a fifth of another source's
     * responses does, and the smallest keeps a change that one statistic alone detects, such as
     * another model's wording. Each labeling's score is the smaller of its two ranks among the
     * labelings under these combined values, and the joint p-value is the share of labelings whose
     * score is at most the observed labeling's. Every step treats all labelings alike, so the
     * observed labeling is one more draw when nothing changed, however the statistics depend on
     * each other.
     */
    double pValue(int from, int to) {
      int labelings = ranks[0].length;
      double[] logProduct = new double[labelings];
      // Ranks are whole numbers far below 2^53, so doubles hold them exactly.
      double[] smallest = new double[labelings];
      Arrays.fill(smallest, Double.MAX_VALUE);
      for (int k = from; k < to; k++) {
        for (int b = 0; b < labelings; b++) {
          logProduct[b] += Math.log(ranks[k][b]);
          smallest[b] = Math.min(smallest[b], ranks[k][b]);
        }
      }
      double[] sortedProducts = logProduct.clone();
      Arrays.sort(sortedProducts);
      double[] sortedSmallest = smallest.clone();
      Arrays.sort(sortedSmallest);
      int[] score = new int[labelings];
      for (int b = 0; b < labelings; b++) {
        // Equal products of different ranks (2 x 3 and 6 x 1) may differ in their last bits as
        // sums of logarithms, which are at most about 14 per statistic.
        int byProduct = countAtMost(sortedProducts, logProduct[b] + PRODUCT_TOLERANCE);
        int bySmallest = countAtMost(sortedSmallest, smallest[b]);
        score[b] = Math.min(byProduct, bySmallest);
      }
      int asExtreme = 0;
      for (int b = 0; b < labelings; b++) {
        if (score[b] <= score[0]) {
          asExtreme++;
        }
      }
      return (double) asExtreme / labelings;
    }

    /**
     * Returns statistic {@code k}'s own p-value, {@code (1 + #{permuted >= observed}) / (1 + B)}.
     */
    double marginalPValue(int k) {
      return (double) ranks[k][0] / ranks[k].length;
    }
  }

  /** Returns how many values of an ascending array are at most {@code value}. */
  private static int countAtMost(double[] sorted, double value) {
    return lowerBound(sorted, Math.nextUp(value));
  }

  /** Returns the first index whose value is at least {@code value} in an ascending array. */
  private static int lowerBound(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted[middle] < value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /**
   * Returns the pool's indices ordered so that the smaller group's own indices come first: the
   * window's when it is no larger than the baseline.
   */
  private static int[] observedOrder(int baselineSize, int windowSize) {
    int size = baselineSize + windowSize;
    int start = windowSize <= baselineSize ? baselineSize : 0;
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = (start + i) % size;
    }
    return order;
  }

  /**
   * Checks that a test has at least one permutation.
   *
   * @throws IllegalArgumentException if {@code permutations} is below 1
   */
  static void requirePermutations(int permutations) {
    if (permutations < 1) {
      throw new IllegalArgumentException(
          "Invalid permutation count "
              + permutations
              + ": it must be at least 1, for example 1000");
    }
  }

  /**
   * Checks that both groups can be compared.
   *
   * @throws IllegalArgumentException if the baseline or the window has fewer than 2 samples
   */
  static void requireTwoEach(int baselineSize, int windowSize) {
    if (baselineSize < 2 || windowSize < 2) {
      throw new IllegalArgumentException(
          "A drift test needs at least 2 baseline and 2 window samples, got "
              + baselineSize
              + " and "
              + windowSize);
    }
  }

  /**
   * Moves a uniformly random subset of size {@code head} into {@code order[0..head)}; the rest of
   * the array keeps the other indices (partial Fisher-Yates shuffle).
   */
  private static void shuffleHead(int[] order, int head, SplittableRandom random) {
    for (int i = 0; i < head; i++) {
      int j = i + random.nextInt(order.length - i);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }
}
