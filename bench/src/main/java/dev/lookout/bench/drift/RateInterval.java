package dev.lookout.bench.drift;

import java.util.Locale;

/**
 * A proportion of windows with its Wilson score 95% interval.
 *
 * @param hits windows that the test called drifted
 * @param trials windows tested
 */
record RateInterval(int hits, int trials) {
  private static final double Z = 1.959964;

  double rate() {
    return trials == 0 ? 0 : hits / (double) trials;
  }

  double low() {
    return center() - halfWidth();
  }

  double high() {
    return center() + halfWidth();
  }

  private double center() {
    double n = trials;
    return (rate() + Z * Z / (2 * n)) / (1 + Z * Z / n);
  }

  private double halfWidth() {
    double n = trials;
    double p = rate();
    return Z * Math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n);
  }

  /** Returns for example {@code 1.0% [0.4%, 2.5%]}. */
  String format() {
    return String.format(
        Locale.ROOT,
        "%.1f%% [%.1f%%, %.1f%%]",
        100 * rate(),
        100 * Math.max(0, low()),
        100 * Math.min(1, high()));
  }
}
