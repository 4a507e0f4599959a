package dev.lookout.core.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DriftTestTest {
  @Test
  void duplicatedTextsRarelyDrift() {
    // Two or three distinct texts make many relabelings tie up to rounding. Ranked apart, such
    // near-ties set the joint p-value far below the tests' own. Ranked as ties, windows of the
    // same source drift at about the test's level.
    String[] texts = {
      "Simmer the onions for ten minutes, then add the tomatoes and a pinch of salt.",
      "The capital of France is Paris, a city on the Seine known for its museums.",
      "Sure! Here is a short list:\n- apples\n- pears\n- plums"
    };
    SplittableRandom random = new SplittableRandom(5);
    int drifted = 0;
    for (int run = 0; run < 40; run++) {
      List<DriftSample> baseline = new ArrayList<>();
      List<DriftSample> window = new ArrayList<>();
      int distinct = 2 + random.nextInt(2);
      for (int n = 0; n < 100; n++) {
        String text = texts[random.nextInt(distinct)];
        (n < 50 ? baseline : window).add(DriftSample.of(text, embeddingOf(text)));
      }
      MmdResult result = new DriftTest(99, 0).run(baseline, window, random);
      if (result.pValue() <= 0.05) {
        drifted++;
      }
    }
    // Binomial(40, 0.05) exceeds 6 with probability below 0.5%.
    assertThat(drifted).isLessThanOrEqualTo(6);
  }

  /** Returns a 64-dimensional unit vector that depends only on {@code text}. */
  private static float[] embeddingOf(String text) {
    SplittableRandom random = new SplittableRandom(text.hashCode());
    float[] embedding = new float[64];
    for (int i = 0; i < embedding.length; i++) {
      embedding[i] = (float) random.nextGaussian();
    }
    return UnitVectors.normalize(embedding);
  }

  @Test
  void shiftedWindowReachesSmallestPValue() {
    // Every statistic is largest on the observed labeling, so no relabeling ties it.
    SplittableRandom random = new SplittableRandom(3);
    List<DriftSample> baseline = new ArrayList<>();
    List<DriftSample> window = new ArrayList<>();
    for (int n = 0; n < 60; n++) {
      float[] baselineVector = {(float) random.nextGaussian(), 1, 0};
      baseline.add(
          DriftSample.of("the plan is the best of the lot", UnitVectors.normalize(baselineVector)));
      float[] windowVector = {0, (float) random.nextGaussian(), 1};
      window.add(
          DriftSample.of("certainly! overall: a plan \u2014", UnitVectors.normalize(windowVector)));
    }
    MmdResult result = new DriftTest(99, 0).run(baseline, window, random);
    assertThat(result.pValue()).isEqualTo(0.01);
  }

  @Test
  void wordingChangeWithSameEmbeddingsIsFound() {
    // Same embedding distribution; the window writes with other function words and marks.
    SplittableRandom random = new SplittableRandom(2);
    List<DriftSample> baseline = new ArrayList<>();
    List<DriftSample> window = new ArrayList<>();
    for (int n = 0; n < 60; n++) {
      float[] embedding = {(float) random.nextGaussian(), (float) random.nextGaussian(), 1};
      baseline.add(
          DriftSample.of("the plan is the best of the lot " + n, UnitVectors.normalize(embedding)));
      float[] other = {(float) random.nextGaussian(), (float) random.nextGaussian(), 1};
      window.add(
          DriftSample.of("certainly! overall: a plan \u2014 " + n, UnitVectors.normalize(other)));
    }
    MmdResult result = new DriftTest(99, 0).run(baseline, window, random);
    assertThat(result.profilePValue()).isEqualTo(0.01);
  }

  @Test
  void distanceUsesEmbeddingsOnly() {
    float[] a = {1, 0};
    List<DriftSample> same =
        List.of(
            DriftSample.of("short", a), DriftSample.of("a much longer answer\n- with a list", a));
    MmdResult result = new DriftTest(9, 0).run(same, same, new SplittableRandom(1));
    assertThat(result.distance()).isZero();
  }
}
