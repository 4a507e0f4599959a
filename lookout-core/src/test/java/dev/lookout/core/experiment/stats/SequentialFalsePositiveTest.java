package dev.lookout.core.experiment.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * Simulated A/A experiments looked at daily for 30 days. Both arms draw from one distribution, so
 * every rejection is a false positive. The always-valid p-value must keep the share of experiments
 * that ever reject at or below alpha; the fixed-horizon p-value, read the same way, must not, which
 * shows the simulation can detect the inflation it guards against.
 *
 * <p>Margin: with R replications the estimated rate has binomial standard error sqrt(a(1-a)/R), and
 * the bound allowed is alpha plus three of those (0.05 + 0.0146 for R = 2000).
 */
class SequentialFalsePositiveTest {
  private static final double ALPHA = 0.05;
  private static final int REPLICATIONS = 2000;
  private static final int DAYS = 30;
  private static final int PER_ARM_PER_DAY = 100;
  private static final double MARGIN = 3 * Math.sqrt(ALPHA * (1 - ALPHA) / REPLICATIONS);

  @Test
  void ratesKeepAlpha() {
    SplittableRandom random = new SplittableRandom(42);
    Rates rates = simulate(() -> random.nextDouble() < 0.1 ? 1 : 0, true);
    assertThat(rates.sequential()).isLessThanOrEqualTo(ALPHA + MARGIN);
    assertThat(rates.fixedHorizon()).isGreaterThan(ALPHA + MARGIN);
  }

  @Test
  void ratesTunedToMdeKeepAlpha() {
    // tau of a 10% relative effect on a 10% rate, as the analyser picks it with mde: 0.1.
    SplittableRandom random = new SplittableRandom(11);
    Rates rates = simulate(() -> random.nextDouble() < 0.1 ? 1 : 0, true, 0.01);
    assertThat(rates.sequential()).isLessThanOrEqualTo(ALPHA + MARGIN);
  }

  @Test
  void skewedMeansKeepAlpha() {
    // Log-normal values, like latencies: skewed, so the normal approximation is tested too.
    SplittableRandom random = new SplittableRandom(7);
    Rates rates = simulate(() -> Math.exp(5 + 0.5 * gaussian(random)), false);
    assertThat(rates.sequential()).isLessThanOrEqualTo(ALPHA + MARGIN);
    assertThat(rates.fixedHorizon()).isGreaterThan(ALPHA + MARGIN);
  }

  /** Share of replications that rejected on any day, for each of the two p-values. */
  private record Rates(double sequential, double fixedHorizon) {}

  private static Rates simulate(DoubleSupplier draw, boolean rate) {
    return simulate(draw, rate, null);
  }

  private static Rates simulate(DoubleSupplier draw, boolean rate, Double tau) {
    int sequentialRejections = 0;
    int fixedRejections = 0;
    for (int r = 0; r < REPLICATIONS; r++) {
      SampleSummary treatment = new SampleSummary(0, 0, 0);
      SampleSummary control = new SampleSummary(0, 0, 0);
      boolean sequentialRejected = false;
      boolean fixedRejected = false;
      for (int day = 0; day < DAYS; day++) {
        treatment = treatment.plus(day(draw));
        control = control.plus(day(draw));
        double sequential = MixtureSequentialTest.pValue(treatment, control, tau);
        sequentialRejected |= sequential <= ALPHA;
        double fixed =
            rate
                ? TwoProportionTest.compare(treatment, control).map(Comparison::pValue).orElse(1.0)
                : WelchTest.pValue(treatment, control);
        fixedRejected |= fixed <= ALPHA;
      }
      sequentialRejections += sequentialRejected ? 1 : 0;
      fixedRejections += fixedRejected ? 1 : 0;
    }
    return new Rates(
        (double) sequentialRejections / REPLICATIONS, (double) fixedRejections / REPLICATIONS);
  }

  private static SampleSummary day(DoubleSupplier draw) {
    double[] values = new double[PER_ARM_PER_DAY];
    for (int i = 0; i < values.length; i++) {
      values[i] = draw.getAsDouble();
    }
    return SampleSummary.of(values);
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
