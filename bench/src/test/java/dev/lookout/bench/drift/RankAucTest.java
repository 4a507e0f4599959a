package dev.lookout.bench.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankAucTest {
  @Test
  void separatedScoresGiveOne() {
    assertThat(RankAuc.of(new double[] {1, 2}, new double[] {3, 4})).isEqualTo(1.0);
  }

  @Test
  void reversedScoresGiveZero() {
    assertThat(RankAuc.of(new double[] {3, 4}, new double[] {1, 2})).isEqualTo(0.0);
  }

  @Test
  void tiesCountHalf() {
    // Positive 2 beats 1 and ties 2 (1.5 pairs), and 4 beats all three: 4.5 of 6 pairs.
    assertThat(RankAuc.of(new double[] {1, 2, 3}, new double[] {2, 4}))
        .isCloseTo(0.75, within(1e-12));
  }

  @Test
  void equalScoresGiveHalf() {
    assertThat(RankAuc.of(new double[] {5, 5}, new double[] {5})).isCloseTo(0.5, within(1e-12));
  }
}
