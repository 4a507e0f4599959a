package dev.lookout.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MmdTestTest {
  private static final int DIMENSION = 16;

  /** Unit vectors around a mean direction {@code shift} along the first axis. */
  static List<float[]> sample(int count, double shift, SplittableRandom random) {
    List<float[]> vectors = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      float[] vector = new float[DIMENSION];
      for (int i = 0; i < DIMENSION; i++) {
        vector[i] = (float) random.nextGaussian(0, 1);
      }
      vector[0] += (float) shift;
      vectors.add(UnitVectors.normalize(vector));
    }
    return vectors;
  }

  @Test
  void falsePositiveRateAtMostAlpha() {
    SplittableRandom random = new SplittableRandom(7);
    MmdTest test = new MmdTest(99, 0);
    int rejected = 0;
    int trials = 300;
    for (int t = 0; t < trials; t++) {
      MmdResult result =
          test.run(DotProducts.of(sample(40, 0, random), sample(20, 0, random)), 40, random);
      if (result.drifted(0.05)) {
        rejected++;
      }
    }
    // Binomial(300, 0.05) exceeds 27 with probability below 0.5%.
    assertThat(rejected).isLessThanOrEqualTo(27);
  }

  @Test
  void pValuesAreNotAllTiny() {
    SplittableRandom random = new SplittableRandom(11);
    MmdTest test = new MmdTest(99, 0);
    int aboveHalf = 0;
    for (int t = 0; t < 100; t++) {
      MmdResult result =
          test.run(DotProducts.of(sample(30, 0, random), sample(30, 0, random)), 30, random);
      if (result.pValue() > 0.5) {
        aboveHalf++;
      }
    }
    assertThat(aboveHalf).isGreaterThan(30);
  }

  @Test
  void detectsShiftedMean() {
    SplittableRandom random = new SplittableRandom(3);
    MmdResult result =
        new MmdTest(199, 0)
            .run(DotProducts.of(sample(100, 0, random), sample(50, 3, random)), 100, random);
    assertThat(result.pValue()).isEqualTo(1.0 / 200);
  }

  @Test
  void largerWindowThanBaseline() {
    SplittableRandom random = new SplittableRandom(5);
    MmdResult result =
        new MmdTest(199, 0)
            .run(DotProducts.of(sample(30, 0, random), sample(90, 3, random)), 30, random);
    assertThat(result.drifted(0.01)).isTrue();
  }

  @Test
  void statisticMatchesDefinition() {
    SplittableRandom random = new SplittableRandom(9);
    List<float[]> baseline = sample(6, 0, random);
    List<float[]> window = sample(4, 1, random);
    MmdResult result = new MmdTest(1, 0).run(DotProducts.of(baseline, window), 6, random);
    assertThat(result.statistic()).isCloseTo(bruteForceMmd(baseline, window), within());
  }

  @Test
  void distanceOfSameCentroidIsZero() {
    float[] a = {1, 0};
    float[] b = {0, 1};
    MmdResult result =
        new MmdTest(1, 0)
            .run(DotProducts.of(List.of(a, b), List.of(b, a)), 2, new SplittableRandom(1));
    assertThat(result.distance()).isCloseTo(0, within());
  }

  @Test
  void distanceOfOrthogonalCentroidsIsOne() {
    float[] a = {1, 0};
    float[] b = {0, 1};
    MmdResult result =
        new MmdTest(1, 0)
            .run(DotProducts.of(List.of(a, a), List.of(b, b)), 2, new SplittableRandom(1));
    assertThat(result.distance()).isCloseTo(1, within());
  }

  @Test
  void farthestIsTheOutlier() {
    SplittableRandom random = new SplittableRandom(13);
    List<float[]> window = new ArrayList<>(sample(9, 0, random));
    float[] outlier = new float[DIMENSION];
    outlier[0] = 1;
    window.add(4, outlier);
    List<float[]> baseline = new ArrayList<>();
    for (float[] vector : sample(50, 0, random)) {
      vector[0] = -Math.abs(vector[0]);
      baseline.add(UnitVectors.normalize(vector));
    }
    MmdResult result = new MmdTest(9, 3).run(DotProducts.of(baseline, window), 50, random);
    assertThat(result.farthest()).hasSize(3);
    assertThat(result.farthest().get(0).windowIndex()).isEqualTo(4);
  }

  @Test
  void identicalSamplesGivePValueOne() {
    float[] a = {1, 0};
    MmdResult result =
        new MmdTest(19, 0)
            .run(DotProducts.of(List.of(a, a, a), List.of(a, a)), 3, new SplittableRandom(1));
    assertThat(result.pValue()).isEqualTo(1.0);
  }

  @Test
  void rejectsTinyWindow() {
    float[] a = {1, 0};
    assertThatThrownBy(
            () ->
                new MmdTest(9, 0)
                    .run(DotProducts.of(List.of(a, a), List.of(a)), 2, new SplittableRandom(1)))
        .hasMessageContaining("at least 2 baseline and 2 window");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  private static double bruteForceMmd(List<float[]> x, List<float[]> y) {
    List<float[]> pooled = new ArrayList<>(x);
    pooled.addAll(y);
    List<Double> squared = new ArrayList<>();
    for (int i = 0; i < pooled.size(); i++) {
      for (int j = i + 1; j < pooled.size(); j++) {
        squared.add(squaredDistance(pooled.get(i), pooled.get(j)));
      }
    }
    squared.sort(null);
    double bandwidth = squared.get(squared.size() / 2);
    return meanKernel(x, x, bandwidth)
        + meanKernel(y, y, bandwidth)
        - 2 * meanKernel(x, y, bandwidth);
  }

  private static double meanKernel(List<float[]> a, List<float[]> b, double bandwidth) {
    double sum = 0;
    for (float[] u : a) {
      for (float[] v : b) {
        sum += Math.exp(-squaredDistance(u, v) / bandwidth);
      }
    }
    return sum / (a.size() * (double) b.size());
  }

  private static double squaredDistance(float[] u, float[] v) {
    double sum = 0;
    for (int i = 0; i < u.length; i++) {
      double d = (double) u[i] - v[i];
      sum += d * d;
    }
    return sum;
  }
}
