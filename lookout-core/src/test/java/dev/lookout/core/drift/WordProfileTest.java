package dev.lookout.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WordProfileTest {
  @Test
  void lengthIsCount() {
    assertThat(WordProfile.of("The cat.")).hasSize(WordProfile.COUNT);
  }

  @Test
  void emptyTextIsAllZero() {
    float[] profile = WordProfile.of("  \t ");
    double sum = 0;
    for (float value : profile) {
      sum += value;
    }
    assertThat(sum).isZero();
  }

  @Test
  void squaredFeaturesSumToKnownShare() {
    // Tokens: "the", "cat", "sat", "." -> "the" and "." are in the vocabulary, "cat" and "sat"
    // only count towards the total, so the squares sum to 2 of 4.
    float[] profile = WordProfile.of("The cat sat.");
    double squares = 0;
    for (float value : profile) {
      squares += value * value;
    }
    assertThat(squares).isCloseTo(0.5, within(1e-6));
  }

  @Test
  void caseDoesNotMatter() {
    assertThat(WordProfile.of("CERTAINLY! Here it is"))
        .isEqualTo(WordProfile.of("certainly! here it is"));
  }

  @Test
  void numbersCountAsOneToken() {
    // "12345" is one token, like "7".
    assertThat(WordProfile.of("a 12345")).isEqualTo(WordProfile.of("a 7"));
  }

  @Test
  void unknownCharactersShareOneFeature() {
    assertThat(WordProfile.of("a \u00e9")).isEqualTo(WordProfile.of("a \u4e2d"));
  }

  @Test
  void lineBreaksCount() {
    assertThat(WordProfile.of("a\nb")).isNotEqualTo(WordProfile.of("a b"));
  }
}
