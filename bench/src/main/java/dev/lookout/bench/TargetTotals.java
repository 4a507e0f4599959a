package dev.lookout.bench;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/** Results of every recorded phase of one target, summed over the rounds. */
final class TargetTotals {
  private final String name;
  private final Histogram latencyMicros = ConstantRateLoad.newHistogram();
  private long errors;
  private long unsent;
  private long scheduled;
  private Duration elapsed = Duration.ZERO;
  private long maxSendLagNanos;

  TargetTotals(String name) {
    this.name = name;
  }

  void add(PhaseResult phase) {
    latencyMicros.add(phase.latencyMicros());
    errors += phase.errors();
    unsent += phase.unsent();
    scheduled += phase.scheduled();
    elapsed = elapsed.plus(phase.elapsed());
    maxSendLagNanos = Math.max(maxSendLagNanos, phase.maxSendLagNanos());
  }

  String name() {
    return name;
  }

  /** Returns the latency at {@code percentile} (0 to 100) in milliseconds. */
  double percentileMillis(double percentile) {
    return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  double maxMillis() {
    return latencyMicros.getMaxValue() / 1000.0;
  }

  long succeeded() {
    return latencyMicros.getTotalCount();
  }

  long errors() {
    return errors;
  }

  long unsent() {
    return unsent;
  }

  long scheduled() {
    return scheduled;
  }

  double maxSendLagMillis() {
    return maxSendLagNanos / 1e6;
  }

  /** Returns successful requests per second over all recorded phases, or 0 when none ran. */
  double throughputPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds > 0 ? succeeded() / seconds : 0;
  }
}
