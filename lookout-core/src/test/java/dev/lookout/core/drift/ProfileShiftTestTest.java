package dev.lookout.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProfileShiftTestTest {
  private static final int DIMENSION = 20;

  /**
   * Vectors whose coordinates have very different spreads; {@code shift} moves each of the last 10
   * (the least spread) by that many of their standard deviations.
   */
  private static List<float[]> sample(int count, double shift, SplittableRandom random) {
    List<float[]> vectors = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      float[] vector = new float[DIMENSION];
      for (int i = 0; i < DIMENSION; i++) {
        double spread = i < 10 ? 10 : 0.1;
        vector[i] = (float) (spread * (random.nextGaussian() + (i < 10 ? 0 : shift)));
      }
      vectors.add(vector);
    }
    return vectors;
  }

  @Test
  void falsePositiveRateAtMostAlpha() {
    SplittableRandom random = new SplittableRandom(7);
    ProfileShiftTest test = new ProfileShiftTest(99);
    int rejected = 0;
    for (int t = 0; t < 300; t++) {
      if (test.run(sample(40, 0, random), sample(20, 0, random), random).pValue() <= 0.05) {
        rejected++;
      }
    }
    // Binomial(300, 0.05) exceeds 27 with probability below 0.5%.
    assertThat(rejected).isLessThanOrEqualTo(27);
  }

  @Test
  void detectsSmallShiftsInQuietDirections() {
    // A shift of 0.4 standard deviations in each quiet coordinate is lost in the loud ones
    // without whitening: their squared distance is far larger.
    SplittableRandom random = new SplittableRandom(3);
    ProfileShiftTest.Result result =
        new ProfileShiftTest(199).run(sample(200, 0, random), sample(100, 0.4, random), random);
    assertThat(result.pValue()).isEqualTo(1.0 / 200);
  }

  @Test
  void largerWindowThanBaseline() {
    SplittableRandom random = new SplittableRandom(5);
    ProfileShiftTest.Result result =
        new ProfileShiftTest(199).run(sample(50, 0, random), sample(150, 0.6, random), random);
    assertThat(result.pValue()).isLessThanOrEqualTo(0.01);
  }

  @Test
  void identicalProfilesGivePValueOne() {
    float[] a = {0.5f, 0.5f};
    ProfileShiftTest.Result result =
        new ProfileShiftTest(19).run(List.of(a, a, a), List.of(a, a), new SplittableRandom(1));
    assertThat(result.pValue()).isEqualTo(1.0);
  }

  @Test
  void rejectsTinyWindow() {
    float[] a = {1, 0};
    assertThatThrownBy(
            () -> new ProfileShiftTest(9).run(List.of(a, a), List.of(a), new SplittableRandom(1)))
        .hasMessageContaining("at least 2 baseline and 2 window");
  }

  @Test
  void rejectsMixedLengths() {
    float[] a = {1, 0};
    float[] b = {1, 0, 0};
    assertThatThrownBy(
            () ->
                new ProfileShiftTest(9).run(List.of(a, a), List.of(a, b), new SplittableRandom(1)))
        .hasMessageContaining("differ in length");
  }

  @Test
  void rejectsZeroPermutations() {
    assertThatThrownBy(() -> new ProfileShiftTest(0)).hasMessageContaining("at least 1");
  }
}
