package dev.lookout.core.drift;

import java.util.SplittableRandom;

/** What the permutation tests share: the size check and the random relabeling of a pool. */
final class Relabeling {
  private Relabeling() {}

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
  static void shuffleHead(int[] order, int head, SplittableRandom random) {
    for (int i = 0; i < head; i++) {
      int j = i + random.nextInt(order.length - i);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }
}
