package dev.lookout.gateway.sim;

import io.vertx.core.MultiMap;

/**
 * Per-request settings taken from {@code x-sim-*} headers, so a test can shape one response.
 *
 * @param ttftMs time to first token in milliseconds ({@code x-sim-ttft-ms})
 * @param tokensPerSecond output rate, 0 for all at once ({@code x-sim-tokens-per-second})
 * @param delayMs extra wait before anything is sent, error or response ({@code x-sim-delay-ms})
 * @param status HTTP status of an injected error ({@code x-sim-status}), or 0 for a normal response
 * @param chunkIntervalMs fixed time between stream content chunks, 0 to pace by {@code
 *     tokensPerSecond} ({@code x-sim-chunk-interval-ms})
 */
record RequestOverrides(
    long ttftMs, double tokensPerSecond, long delayMs, int status, long chunkIntervalMs) {
  static final String TTFT_HEADER = "x-sim-ttft-ms";
  static final String RATE_HEADER = "x-sim-tokens-per-second";
  static final String DELAY_HEADER = "x-sim-delay-ms";
  static final String STATUS_HEADER = "x-sim-status";
  static final String CHUNK_INTERVAL_HEADER = "x-sim-chunk-interval-ms";

  /** Maximum wait a header may request: one hour, in milliseconds. */
  private static final long MAX_WAIT_MS = 3_600_000;

  /**
   * Reads the overrides from {@code headers}, falling back to {@code settings}.
   *
   * @throws InvalidRequestException when a header is not a number in its range
   */
  static RequestOverrides from(MultiMap headers, SimulatorSettings settings) {
    long ttftMs = waitMillis(headers, TTFT_HEADER, settings.ttftMs());
    double rate = settings.tokensPerSecond();
    String rateText = headers.get(RATE_HEADER);
    if (rateText != null) {
      try {
        rate = Double.parseDouble(rateText.trim());
      } catch (NumberFormatException e) {
        rate = -1;
      }
      if (!(rate >= 0) || Double.isInfinite(rate)) {
        throw invalid(RATE_HEADER, rateText, "a number >= 0 (0 sends the whole response at once)");
      }
    }
    long delayMs = waitMillis(headers, DELAY_HEADER, 0);
    int status = 0;
    String statusText = headers.get(STATUS_HEADER);
    if (statusText != null) {
      long parsed = parseLong(statusText);
      if (parsed < 400 || parsed > 599) {
        throw invalid(STATUS_HEADER, statusText, "an HTTP error status from 400 to 599");
      }
      status = (int) parsed;
    }
    long chunkIntervalMs =
        waitMillis(headers, CHUNK_INTERVAL_HEADER, settings.streamChunkIntervalMs());
    return new RequestOverrides(ttftMs, rate, delayMs, status, chunkIntervalMs);
  }

  private static long waitMillis(MultiMap headers, String header, long fallback) {
    String text = headers.get(header);
    if (text == null) {
      return fallback;
    }
    long value = parseLong(text);
    if (value < 0 || value > MAX_WAIT_MS) {
      throw invalid(header, text, "whole milliseconds from 0 to " + MAX_WAIT_MS);
    }
    return value;
  }

  /** Returns the value of {@code text}, or -1 when it is not a whole number. */
  private static long parseLong(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static InvalidRequestException invalid(String header, String value, String allowed) {
    return new InvalidRequestException(
        header, "Header " + header + " is invalid: \"" + value + "\". Use " + allowed + ".");
  }
}
