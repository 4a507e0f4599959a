package dev.lookout.bench.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
  // Positives lie to the right, with overlap, so the unpenalised fit is finite.
  private static final double[][] X = {{-2}, {-1}, {0}, {1}, {0.5}, {1.5}, {2}, {-0.5}};
  private static final boolean[] POSITIVE = {false, false, false, false, true, true, true, true};

  @Test
  void scoreRisesTowardPositives() {
    LogisticRegression model = LogisticRegression.fit(X, POSITIVE, 0.01, null);
    assertThat(model.score(new double[] {1})).isGreaterThan(model.score(new double[] {-1}));
  }

  @Test
  void meanProbabilityMatchesShareOfPositives() {
    // At the optimum the unpenalised intercept's gradient, the sum of (p - y), is zero.
    LogisticRegression model = LogisticRegression.fit(X, POSITIVE, 1, null);
    double sum = 0;
    for (double[] row : X) {
      sum += 1 / (1 + Math.exp(-model.score(row)));
    }
    assertThat(sum).isCloseTo(4.0, within(1e-6));
  }

  @Test
  void hugePenaltyLeavesPriorLogOdds() {
    boolean[] onePositive = {false, false, false, true, false, false, false, false};
    LogisticRegression model = LogisticRegression.fit(X, onePositive, 1e12, null);
    assertThat(model.score(new double[] {2})).isCloseTo(Math.log(1.0 / 7), within(1e-6));
  }

  @Test
  void warmStartReachesSameFit() {
    LogisticRegression cold = LogisticRegression.fit(X, POSITIVE, 0.1, null);
    LogisticRegression start = LogisticRegression.fit(X, POSITIVE, 100, null);
    LogisticRegression warm = LogisticRegression.fit(X, POSITIVE, 0.1, start);
    assertThat(warm.score(new double[] {1})).isCloseTo(cold.score(new double[] {1}), within(1e-6));
  }
}
