package dev.lookout.bench.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WelchZTestTest {
  // Means 3 and 6, sample variances 2.5 and 2.5, so the standard error is sqrt(0.5 + 0.5) = 1.
  private static final double[] BASELINE = {1, 2, 3, 4, 5};
  private static final double[] WINDOW = {4, 5, 6, 7, 8};

  @Test
  void statisticOfKnownSamples() {
    assertThat(WelchZTest.statistic(BASELINE, WINDOW)).isCloseTo(3.0, within(1e-12));
  }

  @Test
  void statisticIsSignedByDirection() {
    assertThat(WelchZTest.statistic(WINDOW, BASELINE)).isCloseTo(-3.0, within(1e-12));
  }

  @Test
  void pValueOfKnownSamples() {
    // P(Z > 3) = 0.0013499 for a standard normal Z.
    assertThat(WelchZTest.pValue(BASELINE, WINDOW)).isCloseTo(0.0013499, within(1e-6));
  }

  @Test
  void upperTailAtZero() {
    assertThat(WelchZTest.upperTail(0)).isCloseTo(0.5, within(1e-7));
  }

  @Test
  void upperTailAtOnePercentQuantile() {
    assertThat(WelchZTest.upperTail(2.3263479)).isCloseTo(0.01, within(1e-7));
  }

  @Test
  void upperTailBelowZero() {
    assertThat(WelchZTest.upperTail(-1.959964)).isCloseTo(0.975, within(1e-7));
  }
}
