package dev.lookout.core.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RelabelingTest {
  /** Values of a pooled sample: 30 baseline values, then 20 window values shifted by 0.5. */
  private static double[] pooled(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[50];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextGaussian() + (i >= 30 ? 0.5 : 0);
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
   * Returns the permutation p-value counted in one plain loop: the window's own indices first, then
   * each relabeling moves a random subset of its size to the front (a partial Fisher-Yates
   * shuffle).
   */
  private static double referencePValue(double[] values, int permutations, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] order = new int[50];
    for (int i = 0; i < order.length; i++) {
      order[i] = (30 + i) % order.length;
    }
    double observed = meanOfSmall(values, order, 20);
    int atLeast = 0;
    for (int b = 0; b < permutations; b++) {
      for (int i = 0; i < 20; i++) {
        int j = i + random.nextInt(order.length - i);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
      if (meanOfSmall(values, order, 20) >= observed) {
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
  void jointIsAtMostSumOfMarginals() {
    Relabeling.JointOutcome outcome = meanAndOpposite(pooled(3));
    double smallest = Math.min(outcome.marginalPValue(0), outcome.marginalPValue(1));
    assertThat(outcome.pValue()).isLessThanOrEqualTo(2 * smallest);
  }
}
