package dev.lookout.core.drift;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two-sample test of "the window's texts use the baseline's phrases as often": for each phrase of
 * the {@link PhraseSet}s, a z-score of the difference between the share of window texts and the
 * share of baseline texts that contain it. Two statistics add up the largest squared z-scores: the
 * {@value #FEW_TOP} largest over phrases in at least {@value #FEW_TEXTS} pooled texts, and the
 * {@value #COMMON_TOP} largest over phrases in at least {@value #COMMON_TEXTS}. One permutation
 * test on the product and the smaller of their two p-values decides.
 *
 * <p>Answers by another author on the same topics share the baseline's vocabulary, and a fifth of
 * the window moves each mean a fifth as far, but an author often has a few phrases the baseline
 * hardly uses ("Sure, I'd be happy", "I hope this helps"), or lacks a few it always uses. A sum
 * over every phrase would drown those few in the noise of thousands, so only the largest count. A
 * model with a handful of rare habits shows in the first statistic. A change of register, which
 * moves many common phrases a little, shows in the second.
 *
 * <p>A phrase must also be missing from as many pooled texts as it needs to be in: a phrase in
 * fewer texts has a z-score dominated by chance placements. Which phrases qualify, and every
 * z-score's scale, depend only on the pooled sample, so under exchangeability every relabeling is
 * equally likely and the p-value is valid whatever the data.
 */
public final class PhraseShiftTest {
  /** Fewest pooled texts that must contain a phrase, and lack it, for the first statistic. */
  static final int FEW_TEXTS = 10;

  /** How many of the largest squared z-scores the first statistic adds up. */
  static final int FEW_TOP = 5;

  /** Fewest pooled texts that must contain a phrase, and lack it, for the second statistic. */
  static final int COMMON_TEXTS = 20;

  /** How many of the largest squared z-scores the second statistic adds up. */
  static final int COMMON_TOP = 10;

  /** How many statistics {@link #prepare} writes for each labeling. */
  static final int STATISTICS = 2;

  private final int permutations;

  /**
   * Creates a test.
   *
   * @param permutations random relabelings per test; at least 1
   * @throws IllegalArgumentException if {@code permutations} is below 1
   */
  public PhraseShiftTest(int permutations) {
    Relabeling.requirePermutations(permutations);
    this.permutations = permutations;
  }

  /**
   * Outcome of the test.
   *
   * @param statistic the sum of the {@value #FEW_TOP} largest squared z-scores
   * @param pValue the joint permutation p-value of the two statistics ({@link
   *     Relabeling.JointOutcome#pValue})
   */
  public record Result(double statistic, double pValue) {}

  /**
   * Tests a window against a baseline.
   *
   * @param baseline phrase sets of the baseline texts, from {@link PhraseSet#of}
   * @param window phrase sets of the window texts
   * @param random source of the permutations
   * @throws IllegalArgumentException if a group has fewer than 2 texts
   */
  public Result run(List<int[]> baseline, List<int[]> window, SplittableRandom random) {
    Relabeling.JointOutcome outcome =
        Relabeling.testJoint(
            baseline.size(),
            window.size(),
            permutations,
            random,
            STATISTICS,
            prepare(baseline, window));
    return new Result(outcome.observed()[0], outcome.pValue());
  }

  /**
   * Finds the scored phrases of the pooled texts and returns the {@value #STATISTICS} statistics of
   * a labeling, for {@link #run} or a joint test. The statistics are thread-confined: they reuse
   * buffers.
   *
   * @throws IllegalArgumentException if a group has fewer than 2 texts
   */
  static Relabeling.Statistics prepare(List<int[]> baseline, List<int[]> window) {
    int baselineSize = baseline.size();
    int windowSize = window.size();
    Relabeling.requireTwoEach(baselineSize, windowSize);
    int size = baselineSize + windowSize;

    int[][] texts = new int[size][];
    for (int i = 0; i < size; i++) {
      texts[i] = i < baselineSize ? baseline.get(i) : window.get(i - baselineSize);
    }
    int[] scored = scoredPhrases(texts);
    if (scored.length == 0) {
      return (order, small, values) -> Arrays.fill(values, 0);
    }
    int[][] indexed = new int[size][];
    int[] totals = new int[scored.length];
    for (int i = 0; i < size; i++) {
      indexed[i] = indices(texts[i], scored);
      for (int phrase : indexed[i]) {
        totals[phrase]++;
      }
    }
    return new Scorer(totals, baselineSize, windowSize).statistics(indexed);
  }

  /** Returns the sorted hashes of the phrases that enough pooled texts contain and lack. */
  private static int[] scoredPhrases(int[][] texts) {
    int total = 0;
    for (int[] text : texts) {
      total += text.length;
    }
    int[] all = new int[total];
    int at = 0;
    for (int[] text : texts) {
      System.arraycopy(text, 0, all, at, text.length);
      at += text.length;
    }
    Arrays.sort(all);
    int highest = texts.length - FEW_TEXTS;
    int scoredCount = 0;
    for (int start = 0; start < all.length; ) {
      int end = start;
      while (end < all.length && all[end] == all[start]) {
        end++;
      }
      int count = end - start;
      if (count >= FEW_TEXTS && count <= highest) {
        all[scoredCount++] = all[start];
      }
      start = end;
    }
    return Arrays.copyOf(all, scoredCount);
  }

  /** Returns the positions in {@code scored} of the text's phrases that are scored. */
  private static int[] indices(int[] text, int[] scored) {
    int[] found = new int[text.length];
    int count = 0;
    for (int hash : text) {
      int index = Arrays.binarySearch(scored, hash);
      if (index >= 0) {
        found[count++] = index;
      }
    }
    return Arrays.copyOf(found, count);
  }

  /** The statistics of one labeling; its buffers make it usable by one thread only. */
  private static final class Scorer {
    private final int[] totals;
    private final double[] scales;
    private final boolean[] common;
    private final int windowSize;
    private final int baselineSize;
    private final int[] counts;
    private final double[] few = new double[FEW_TOP];
    private final double[] commonTop = new double[COMMON_TOP];

    Scorer(int[] totals, int baselineSize, int windowSize) {
      this.totals = totals;
      this.baselineSize = baselineSize;
      this.windowSize = windowSize;
      this.counts = new int[totals.length];
      this.scales = new double[totals.length];
      this.common = new boolean[totals.length];
      int size = baselineSize + windowSize;
      double sizes = 1.0 / windowSize + 1.0 / baselineSize;
      for (int j = 0; j < totals.length; j++) {
        double share = (double) totals[j] / size;
        // Scored phrases are in at least FEW_TEXTS texts and missing from as many: never 0.
        scales[j] = 1 / Math.sqrt(share * (1 - share) * sizes);
        common[j] = totals[j] >= COMMON_TEXTS && totals[j] <= size - COMMON_TEXTS;
      }
    }

    Relabeling.Statistics statistics(int[][] indexed) {
      boolean windowIsSmall = windowSize <= baselineSize;
      return (order, small, values) -> {
        Arrays.fill(counts, 0);
        for (int a = 0; a < small; a++) {
          for (int phrase : indexed[order[a]]) {
            counts[phrase]++;
          }
        }
        Arrays.fill(few, 0);
        Arrays.fill(commonTop, 0);
        for (int j = 0; j < counts.length; j++) {
          int inWindow = windowIsSmall ? counts[j] : totals[j] - counts[j];
          double difference =
              (double) inWindow / windowSize - (double) (totals[j] - inWindow) / baselineSize;
          double z = difference * scales[j];
          double squared = z * z;
          keepLargest(few, squared);
          if (common[j]) {
            keepLargest(commonTop, squared);
          }
        }
        values[0] = sum(few);
        values[1] = sum(commonTop);
      };
    }

    private static double sum(double[] values) {
      double sum = 0;
      for (double value : values) {
        sum += value;
      }
      return sum;
    }

    /** Keeps {@code value} in {@code top}, sorted ascending, if it beats the smallest there. */
    private static void keepLargest(double[] top, double value) {
      if (value <= top[0]) {
        return;
      }
      int i = 1;
      while (i < top.length && top[i] < value) {
        top[i - 1] = top[i];
        i++;
      }
      top[i - 1] = value;
    }
  }
}
