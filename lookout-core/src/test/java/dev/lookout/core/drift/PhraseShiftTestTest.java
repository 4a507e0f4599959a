package dev.lookout.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PhraseShiftTestTest {
  private static final String[] WORDS = {
    "river", "stone", "light", "market", "garden", "window", "engine", "letter", "summer", "paper",
    "bridge", "forest", "coffee", "ticket", "planet", "silver", "winter", "doctor", "camera",
        "music"
  };

  /** Texts of eight random words; a share {@code marked} of them opens with {@code opening}. */
  private static List<int[]> texts(
      int count, double marked, String opening, SplittableRandom random) {
    List<int[]> texts = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      StringBuilder text = new StringBuilder(random.nextDouble() < marked ? opening : "");
      for (int w = 0; w < 8; w++) {
        text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
      }
      texts.add(PhraseSet.of(text.toString()));
    }
    return texts;
  }

  @Test
  void falsePositiveRateAtMostAlpha() {
    SplittableRandom random = new SplittableRandom(7);
    PhraseShiftTest test = new PhraseShiftTest(99);
    int rejected = 0;
    for (int t = 0; t < 300; t++) {
      List<int[]> baseline = texts(60, 0, "", random);
      if (test.run(baseline, texts(30, 0, "", random), random).pValue() <= 0.05) {
        rejected++;
      }
    }
    // Binomial(300, 0.05) exceeds 27 with probability below 0.5%.
    assertThat(rejected).isLessThanOrEqualTo(27);
  }

  @Test
  void shareWithOwnOpeningIsFound() {
    // A fifth of the window opens with a phrase the baseline never uses; its words are the same.
    SplittableRandom random = new SplittableRandom(3);
    PhraseShiftTest.Result result =
        new PhraseShiftTest(199)
            .run(
                texts(300, 0, "", random),
                texts(100, 0.2, "Sure, I'd be happy to help!", random),
                random);
    assertThat(result.pValue()).isEqualTo(1.0 / 200);
  }

  @Test
  void largerWindowThanBaseline() {
    SplittableRandom random = new SplittableRandom(5);
    PhraseShiftTest.Result result =
        new PhraseShiftTest(199)
            .run(texts(50, 0, "", random), texts(150, 0.3, "I hope this helps.", random), random);
    assertThat(result.pValue()).isLessThanOrEqualTo(0.01);
  }

  @Test
  void fewTextsScoreNoPhrase() {
    // No phrase can be in 10 texts and missing from 10 when there are only 6.
    SplittableRandom random = new SplittableRandom(1);
    PhraseShiftTest.Result result =
        new PhraseShiftTest(99).run(texts(3, 0, "", random), texts(3, 1, "Sure!", random), random);
    assertThat(result.pValue()).isEqualTo(1.0);
  }

  @Test
  void oneTextInWindowThrows() {
    SplittableRandom random = new SplittableRandom(1);
    List<int[]> baseline = texts(20, 0, "", random);
    List<int[]> window = texts(1, 0, "", random);
    assertThatThrownBy(() -> new PhraseShiftTest(9).run(baseline, window, random))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2");
  }

  @Test
  void zeroPermutationsThrows() {
    assertThatThrownBy(() -> new PhraseShiftTest(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid permutation count 0");
  }
}
