package dev.lookout.cli.replay;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Outcome of one replay.
 *
 * @param sent requests sent
 * @param succeeded requests that got a 2xx status and, for streams, a body that ended with {@code
 *     data: [DONE]}
 * @param failed requests that did not succeed
 * @param elapsed time from the first send to the end of the last response
 * @param failures number of failed requests by cause, such as {@code "http 500"} or {@code
 *     "HttpTimeoutException"}
 */
public record ReplaySummary(
    int sent, int succeeded, int failed, Duration elapsed, Map<String, Integer> failures) {

  public ReplaySummary {
    failures = Map.copyOf(failures);
  }

  public boolean allSucceeded() {
    return failed == 0;
  }

  /**
   * Returns the one-line summary, such as {@code replay: sent=10 succeeded=10 failed=0
   * elapsed=1.2s}.
   */
  public String line() {
    return String.format(
        Locale.ROOT,
        "replay: sent=%d succeeded=%d failed=%d elapsed=%.1fs",
        sent,
        succeeded,
        failed,
        elapsed.toMillis() / 1000.0);
  }

  /**
   * Returns the failure causes with their counts, such as {@code http 500=3, timeout=1}, sorted.
   */
  public String failureLine() {
    return failures.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(entry -> entry.getKey() + "=" + entry.getValue())
        .collect(Collectors.joining(", "));
  }
}
