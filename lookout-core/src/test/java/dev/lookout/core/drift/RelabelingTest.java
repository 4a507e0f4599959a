package dev.lookout.core.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RelabelingTest {
  /** Values of a pooled sample: 30 baseline values, then 20 window values shifted by 0.5. */
  private static double[] pooled(long seed) {
    return pooled(seed, 0.5);
  }

  /**
   * Values of a pooled sample: 30 baseline values, then 20 window values shifted by {@code shift}.
   */
  private static double[] pooled(long seed, double shift) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[50];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextGaussian() + (i >= 30 ? shift : 0);
    }
    return values;
  }

  private static double meanOfSmall(double[] values, int[] order, int small) {
    double sum = 0;
    for (int a = 0; a < small; a++) {
      sum += values[order[a]];
    }
    return sum / small;
  }

  /**
   * Returns the labelings of the plain reference loops: the window's own indices first, then each
   * relabeling moves a random subset of its size to the front (a partial Fisher-Yates shuffle).
   */
  private static int[][] referenceOrders(int permutations, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] order = new int[50];
    for (int i = 0; i < order.length; i++) {
      order[i] = (30 + i) % order.length;
    }
    int[][] orders = new int[permutations + 1][];
    orders[0] = order.clone();
    for (int b = 1; b <= permutations; b++) {
      for (int i = 0; i < 20; i++) {
        int j = i + random.nextInt(order.length - i);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
      orders[b] = order.clone();
    }
    return orders;
  }

  /** Returns the permutation p-value of the mean, counted in one plain loop. */
  private static double referencePValue(double[] values, int permutations, long seed) {
    int[][] orders = referenceOrders(permutations, seed);
    double observed = meanOfSmall(values, orders[0], 20);
    int atLeast = 0;
    for (int b = 1; b <= permutations; b++) {
      if (meanOfSmall(values, orders[b], 20) >= observed) {
        atLeast++;
      }
    }
    return (1.0 + atLeast) / (1.0 + permutations);
  }

  @Test
  void singleTestMatchesPlainLoop() {
    double[] values = pooled(1);
    Relabeling.Outcome single =
        Relabeling.test(
            30,
            20,
            199,
            new SplittableRandom(9),
            (order, small) -> meanOfSmall(values, order, small));
    assertThat(single.pValue()).isEqualTo(referencePValue(values, 199, 9));
  }

  @Test
  void chunkedTestMatchesPlainLoop() {
    double[] values = pooled(4);
    Relabeling.JointOutcome joint =
        Relabeling.testJoint(
            30,
            20,
            2999,
            new SplittableRandom(6),
            1,
            (order, small, out) -> out[0] = meanOfSmall(values, order, small));
    assertThat(joint.pValue()).isEqualTo(referencePValue(values, 2999, 6));
  }

  @Test
  void singleTestTiesRoundingNeighbours() {
    // Every labeling's statistic is 1 up to 6e-11, as sums in another order can differ: all tie.
    Relabeling.Outcome outcome =
        Relabeling.test(
            30, 20, 99, new SplittableRandom(3), (order, small) -> 1 + 1e-11 * (order[0] % 7));
    assertThat(outcome.pValue()).isEqualTo(1.0);
  }

  @Test
  void jointOfTwinStatisticsMatchesOne() {
    double[] values = pooled(2);
    Relabeling.JointOutcome one =
        Relabeling.testJoint(
            30,
            20,
            199,
            new SplittableRandom(4),
            1,
            (order, small, out) -> out[0] = meanOfSmall(values, order, small));
    Relabeling.JointOutcome twins =
        Relabeling.testJoint(
            30,
            20,
            199,
            new SplittableRandom(4),
            2,
            (order, small, out) -> {
              out[0] = meanOfSmall(values, order, small);
              out[1] = out[0];
            });
    assertThat(twins.pValue()).isEqualTo(one.pValue());
  }

  @Test
  void jointFalsePositiveRateAtMostAlpha() {
    SplittableRandom random = new SplittableRandom(7);
    int rejected = 0;
    for (int t = 0; t < 300; t++) {
      double[] values = new double[50];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextGaussian();
      }
      Relabeling.JointOutcome outcome =
          Relabeling.testJoint(
              30,
              20,
              99,
              random,
              2,
              (order, small, out) -> {
                out[0] = meanOfSmall(values, order, small);
                out[1] = -out[0];
              });
      if (outcome.pValue() <= 0.05) {
        rejected++;
      }
    }
    // Binomial(300, 0.05) exceeds 27 with probability below 0.5%.
    assertThat(rejected).isLessThanOrEqualTo(27);
  }

  private static Relabeling.JointOutcome meanAndOpposite(double[] values) {
    return Relabeling.testJoint(
        30,
        20,
        199,
        new SplittableRandom(5),
        2,
        (order, small, out) -> {
          out[0] = meanOfSmall(values, order, small);
          out[1] = -out[0];
        });
  }

  @Test
  void marginalMatchesSingleTest() {
    double[] values = pooled(3);
    Relabeling.Outcome single =
        Relabeling.test(
            30,
            20,
            199,
            new SplittableRandom(5),
            (order, small) -> meanOfSmall(values, order, small));
    assertThat(meanAndOpposite(values).marginalPValue(0)).isEqualTo(single.pValue());
  }

  @Test
  void rangeOfOneIsItsMarginal() {
    Relabeling.JointOutcome outcome = meanAndOpposite(pooled(3));
    assertThat(outcome.pValue(1, 2)).isEqualTo(outcome.marginalPValue(1));
  }

  @Test
  void jointMatchesPlainLoop() {
    double[] values = pooled(8);
    Relabeling.JointOutcome joint =
        Relabeling.testJoint(
            30,
            20,
            199,
            new SplittableRandom(11),
            2,
            (order, small, out) -> {
              out[0] = meanOfSmall(values, order, small);
              out[1] = maxOfSmall(values, order, small);
            });
    assertThat(joint.pValue()).isEqualTo(referenceJointPValue(values, 199, 11));
  }

  @Test
  void jointFallsBelowEveryMarginalWhenBothMove() {
    // Two independent features, each shifted a little in the window: neither statistic alone is
    // far in its tail, but few relabelings put both as far at once.
    double[] first = pooled(21, 0.4);
    double[] second = pooled(22, 0.4);
    Relabeling.JointOutcome joint =
        Relabeling.testJoint(
            30,
            20,
            999,
            new SplittableRandom(12),
            2,
            (order, small, out) -> {
              out[0] = meanOfSmall(first, order, small);
              out[1] = meanOfSmall(second, order, small);
            });
    double smallest = Math.min(joint.marginalPValue(0), joint.marginalPValue(1));
    assertThat(joint.pValue()).isLessThan(smallest);
  }

  private static double maxOfSmall(double[] values, int[] order, int small) {
    double max = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < small; a++) {
      max = Math.max(max, values[order[a]]);
    }
    return max;
  }

  /**
   * Returns the joint p-value of the mean and the max, counted in plain loops over the labelings of
   * {@link #referenceOrders}: each labeling's p-values are its counts of labelings with a statistic
   * at least as large, its score is the smaller of its ranks by the product and by the smallest of
   * them, and the joint p-value is the share of labelings whose score is at most the observed
   * one's.
   */
  private static double referenceJointPValue(double[] values, int permutations, long seed) {
    int[][] orders = referenceOrders(permutations, seed);
    int labelings = orders.length;
    double[] means = new double[labelings];
    double[] maxima = new double[labelings];
    for (int b = 0; b < labelings; b++) {
      means[b] = meanOfSmall(values, orders[b], 20);
      maxima[b] = maxOfSmall(values, orders[b], 20);
    }

    long[] products = new long[labelings];
    long[] smallest = new long[labelings];
    for (int b = 0; b < labelings; b++) {
      long meanRank = atLeast(means, means[b]);
      long maxRank = atLeast(maxima, maxima[b]);
      products[b] = meanRank * maxRank;
      smallest[b] = Math.min(meanRank, maxRank);
    }

    int[] scores = new int[labelings];
    for (int b = 0; b < labelings; b++) {
      int byProduct = 0;
      int bySmallest = 0;
      for (int c = 0; c < labelings; c++) {
        byProduct += products[c] <= products[b] ? 1 : 0;
        bySmallest += smallest[c] <= smallest[b] ? 1 : 0;
      }
      scores[b] = Math.min(byProduct, bySmallest);
    }

    int asExtreme = 0;
    for (int score : scores) {
      if (score <= scores[0]) {
        asExtreme++;
      }
    }
    return (double) asExtreme / labelings;
  }

  private static int atLeast(double[] values, double value) {
    int count = 0;
    for (double other : values) {
      if (other >= value) {
        count++;
      }
    }
    return count;
  }
}
