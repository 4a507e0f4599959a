package dev.lookout.bench;

import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Outcome of one phase against one target.
 *
 * @param latencyMicros latency of the successful requests to the last byte; from the intended send
 *     time in an open-loop phase, from the actual send time in a closed-loop phase
 * @param firstChunkMicros time to the first bytes of the response body of the successful requests,
 *     measured from the same start as the latency
 * @param errors requests that failed, timed out, got a non-2xx status or an incomplete stream
 * @param unsent requests never sent because the sender fell more than one timeout behind
 * @param scheduled requests the phase intended to send (the requests sent, in a closed-loop phase)
 * @param elapsed time from the first intended send to the last response
 * @param maxSendLagNanos the furthest any send fell behind its intended time
 * @param usage CPU and memory of the target's process and peak requests in flight
 * @param errorReasons number of errors per reason (an HTTP status or an exception)
 */
record PhaseResult(
    Histogram latencyMicros,
    Histogram firstChunkMicros,
    long errors,
    long unsent,
    long scheduled,
    Duration elapsed,
    long maxSendLagNanos,
    ResourceSampler.Usage usage,
    Map<String, Long> errorReasons) {

  PhaseResult {
    errorReasons = Map.copyOf(errorReasons);
  }

  /** Returns the most frequent error reasons, most frequent first, as "reason (count)". */
  String topErrorReasons(int limit) {
    return errorReasons.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(limit)
        .map(e -> e.getKey() + " (" + e.getValue() + ")")
        .collect(java.util.stream.Collectors.joining("; "));
  }

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
