package dev.lookout.bench;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/** Results of every recorded phase of one target in one case, summed over the rounds. */
final class TargetTotals {
  private final String name;
  private final Histogram latencyMicros = LoadRunner.newHistogram();
  private final Histogram firstChunkMicros = LoadRunner.newHistogram();
  private long errors;
  private long unsent;
  private long scheduled;
  private Duration elapsed = Duration.ZERO;
  private long maxSendLagNanos;
  private double cpuPercentSeconds;
  private double generatorCpuPercentSeconds;
  private double measuredCpuSeconds;
  private long maxResidentKib = -1;
  private int maxInFlight;

  TargetTotals(String name) {
    this.name = name;
  }

  void add(PhaseResult phase) {
    latencyMicros.add(phase.latencyMicros());
    firstChunkMicros.add(phase.firstChunkMicros());
    errors += phase.errors();
    unsent += phase.unsent();
    scheduled += phase.scheduled();
    elapsed = elapsed.plus(phase.elapsed());
    maxSendLagNanos = Math.max(maxSendLagNanos, phase.maxSendLagNanos());
    ResourceSampler.Usage usage = phase.usage();
    double seconds = phase.elapsed().toNanos() / 1e9;
    if (!Double.isNaN(usage.cpuPercent()) && !Double.isNaN(usage.generatorCpuPercent())) {
      cpuPercentSeconds += usage.cpuPercent() * seconds;
      generatorCpuPercentSeconds += usage.generatorCpuPercent() * seconds;
      measuredCpuSeconds += seconds;
    }
    maxResidentKib = Math.max(maxResidentKib, usage.maxResidentKib());
    maxInFlight = Math.max(maxInFlight, usage.maxInFlight());
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

  /** Returns the time to first chunk at {@code percentile} (0 to 100) in milliseconds. */
  double firstChunkMillis(double percentile) {
    return firstChunkMicros.getValueAtPercentile(percentile) / 1000.0;
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

  /** Returns the target process's CPU use in percent of one core, NaN when not measured. */
  double cpuPercent() {
    return measuredCpuSeconds > 0 ? cpuPercentSeconds / measuredCpuSeconds : Double.NaN;
  }

  /** Returns the load generator's CPU use in percent of one core, NaN when not measured. */
  double generatorCpuPercent() {
    return measuredCpuSeconds > 0 ? generatorCpuPercentSeconds / measuredCpuSeconds : Double.NaN;
  }

  /** Returns the peak sampled resident memory in MiB, NaN when not measured. */
  double maxResidentMib() {
    return maxResidentKib < 0 ? Double.NaN : maxResidentKib / 1024.0;
  }

  int maxInFlight() {
    return maxInFlight;
  }

  /** Returns whether every scheduled request was sent and succeeded. */
  boolean clean() {
    return errors == 0 && unsent == 0 && succeeded() > 0;
  }

  /** Returns successful requests per second over all recorded phases, or 0 when none ran. */
  double throughputPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds > 0 ? succeeded() / seconds : 0;
  }
}
