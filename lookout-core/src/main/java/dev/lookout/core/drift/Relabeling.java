package dev.lookout.core.drift;

import java.util.SplittableRandom;

/** Shared parts of the permutation tests: the size check and the random relabelings. */
final class Relabeling {
  /** Permuted statistics within this relative distance of the observed one count as ties. */
  private static final double TIE_TOLERANCE = 1e-12;

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
   * front, and the observed labeling puts the smaller group's own indices there.
   */
  static Outcome test(
      int baselineSize,
      int windowSize,
      int permutations,
      SplittableRandom random,
      Statistic statistic) {
    int size = baselineSize + windowSize;
    boolean windowIsSmall = windowSize <= baselineSize;
    int small = windowIsSmall ? windowSize : baselineSize;
    int[] order = new int[size];
    int start = windowIsSmall ? baselineSize : 0;
    for (int i = 0; i < size; i++) {
      order[i] = (start + i) % size;
    }

    double observed = statistic.of(order, small);
    double threshold = observed - TIE_TOLERANCE * Math.abs(observed);
    int atLeast = 0;
    for (int b = 0; b < permutations; b++) {
      shuffleHead(order, small, random);
      if (statistic.of(order, small) >= threshold) {
        atLeast++;
      }
    }
    return new Outcome(observed, (1.0 + atLeast) / (1.0 + permutations));
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
