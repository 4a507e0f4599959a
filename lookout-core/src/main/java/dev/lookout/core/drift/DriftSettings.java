package dev.lookout.core.drift;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Settings of drift detection for every prompt template and model.
 *
 * @param baselineSize responses that make a baseline; until then the state is cold start
 * @param windowSize most recent responses compared with the baseline
 * @param alpha false-positive rate of one test: a window is drifted when its p-value is at most
 *     this
 * @param checkEvery new window responses between two tests
 * @param permutations random relabelings per test
 */
public record DriftSettings(
    int baselineSize, int windowSize, double alpha, int checkEvery, int permutations) {
  /** Maximum permutations per test: a million relabelings of 700 samples take seconds. */
  public static final int MAX_PERMUTATIONS = 1_000_000;

  /** Minimum number of responses of a baseline, and of a window. */
  public static final int MIN_SAMPLES = 10;

  public static final int DEFAULT_BASELINE_SIZE = 500;
  public static final int DEFAULT_WINDOW_SIZE = 200;
  public static final double DEFAULT_ALPHA = 0.01;
  public static final int DEFAULT_CHECK_EVERY = 50;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the setting and its value when one is out of range
   */
  public DriftSettings {
    if (baselineSize < MIN_SAMPLES) {
      throw new IllegalArgumentException(
          "drift.baseline_size must be at least "
              + MIN_SAMPLES
              + ", got "
              + baselineSize
              + "; 500 is the default");
    }
    if (windowSize < MIN_SAMPLES) {
      throw new IllegalArgumentException(
          "drift.window_size must be at least "
              + MIN_SAMPLES
              + ", got "
              + windowSize
              + "; 200 is the default");
    }
    if (checkEvery < 1) {
      throw new IllegalArgumentException(
          "drift.check_every must be at least 1, got " + checkEvery + "; 50 is the default");
    }
    checkTest(alpha, "drift.alpha", permutations, "drift.permutations");
  }

  /**
   * Checks that a permutation test of {@code permutations} relabelings can reach {@code alpha}. The
   * drift p-value is 1 / (1 + permutations) at best, when the window is the most extreme labeling
   * on all {@value DriftTest#STATISTICS} statistics. The check requires {@value
   * DriftTest#STATISTICS} times that, so that a window that is not the most extreme on every
   * statistic can still reach {@code alpha}.
   *
   * @param alphaName the setting or flag that set {@code alpha}, for the message
   * @param permutationsName the setting or flag that set {@code permutations}, for the message
   * @throws IllegalArgumentException naming the setting and its value when one is out of range
   */
  public static void checkTest(
      double alpha, String alphaName, int permutations, String permutationsName) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException(
          alphaName + " must be above 0 and below 1, got " + alpha + "; 0.01 is the default");
    }
    long fewest = minimumPermutations(alpha);
    if (fewest > MAX_PERMUTATIONS) {
      throw new IllegalArgumentException(
          alphaName
              + " "
              + alpha
              + " is too small for a permutation test of at most "
              + MAX_PERMUTATIONS
              + " permutations; use an alpha of at least "
              + new BigDecimal(DriftTest.STATISTICS / (1.0 + MAX_PERMUTATIONS))
                  .round(new MathContext(2, RoundingMode.UP))
                  .toString());
    }
    if (permutations < fewest || permutations > MAX_PERMUTATIONS) {
      throw new IllegalArgumentException(
          permutationsName
              + " must be "
              + fewest
              + " to "
              + MAX_PERMUTATIONS
              + " for "
              + alphaName
              + " "
              + alpha
              + ", got "
              + permutations
              + "; 1000 is the default, and a million take seconds per test");
    }
  }

  /**
   * Returns the fewest permutations for which {@value DriftTest#STATISTICS} / (1 + permutations) is
   * at most {@code alpha}.
   */
  public static long minimumPermutations(double alpha) {
    return (long) Math.ceil(DriftTest.STATISTICS / alpha - 1);
  }

  /** Returns the defaults: baseline 500, window 200, alpha 0.01, a test every 50 responses. */
  public static DriftSettings defaults() {
    return new DriftSettings(
        DEFAULT_BASELINE_SIZE,
        DEFAULT_WINDOW_SIZE,
        DEFAULT_ALPHA,
        DEFAULT_CHECK_EVERY,
        MmdTest.DEFAULT_PERMUTATIONS);
  }
}
