package dev.lookout.bench;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * Outcome of one constant-rate phase against one target.
 *
 * @param latencyMicros latency of the successful requests, from intended send time to last byte
 * @param errors requests that failed, timed out or got a non-2xx status
 * @param unsent requests never sent because the sender fell more than one timeout behind
 * @param scheduled requests the phase intended to send
 * @param elapsed time from the first intended send to the last response
 * @param maxSendLagNanos the furthest any send fell behind its intended time
 */
record PhaseResult(
    Histogram latencyMicros,
    long errors,
    long unsent,
    long scheduled,
    Duration elapsed,
    long maxSendLagNanos) {

  /** Returns the number of requests that succeeded. */
  long succeeded() {
    return latencyMicros.getTotalCount();
  }

  /** Returns successful requests per second over the phase, or 0 for an empty phase. */
  double throughputPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds > 0 ? succeeded() / seconds : 0;
  }
}
