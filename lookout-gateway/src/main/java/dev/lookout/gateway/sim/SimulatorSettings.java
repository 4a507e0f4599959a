package dev.lookout.gateway.sim;

import java.util.Objects;

/**
 * Settings of an {@link UpstreamSimulator}.
 *
 * @param host the address to bind, {@code 127.0.0.1} by default
 * @param port the TCP port to bind; 0 picks a free port ({@link UpstreamSimulator#port()} returns
 *     the bound one)
 * @param ttftMs time to first token in milliseconds, 300 by default; a request can override it with
 *     the {@code x-sim-ttft-ms} header
 * @param tokensPerSecond output rate after the first token, 50 by default; 0 sends the whole
 *     response at once. A request can override it with the {@code x-sim-tokens-per-second} header
 * @param streamChunkIntervalMs fixed time between the content chunks of a stream in milliseconds,
 *     or 0 (the default) to pace streams by {@code tokensPerSecond}. It does not change complete
 *     responses. A request can override it with the {@code x-sim-chunk-interval-ms} header
 */
public record SimulatorSettings(
    String host, int port, long ttftMs, double tokensPerSecond, long streamChunkIntervalMs) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final long DEFAULT_TTFT_MS = 300;
  public static final double DEFAULT_TOKENS_PER_SECOND = 50;

  /**
   * Validates every field.
   *
   * @throws IllegalArgumentException naming the field, its value and the allowed range
   */
  public SimulatorSettings {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host is blank: give an address such as 127.0.0.1");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(
          "port " + port + " is out of range: use 0 (a free port) to 65535");
    }
    if (ttftMs < 0) {
      throw new IllegalArgumentException("ttftMs " + ttftMs + " is negative: use 0 or more");
    }
    if (!(tokensPerSecond >= 0) || Double.isInfinite(tokensPerSecond)) {
      throw new IllegalArgumentException(
          "tokensPerSecond "
              + tokensPerSecond
              + " is invalid: use a finite number >= 0 (0 sends everything at once)");
    }
    if (streamChunkIntervalMs < 0) {
      throw new IllegalArgumentException(
          "streamChunkIntervalMs "
              + streamChunkIntervalMs
              + " is negative: use 0 (pace by tokens per second) or more");
    }
  }

  /** Creates settings that pace streams by {@code tokensPerSecond}. */
  public SimulatorSettings(String host, int port, long ttftMs, double tokensPerSecond) {
    this(host, port, ttftMs, tokensPerSecond, 0);
  }

  /** Returns the defaults: 127.0.0.1, a free port, 300 ms to first token, 50 tokens/s. */
  public static SimulatorSettings defaults() {
    return new SimulatorSettings(DEFAULT_HOST, 0, DEFAULT_TTFT_MS, DEFAULT_TOKENS_PER_SECOND);
  }

  /** Returns these settings with another port. */
  public SimulatorSettings withPort(int newPort) {
    return new SimulatorSettings(host, newPort, ttftMs, tokensPerSecond, streamChunkIntervalMs);
  }

  /** Returns these settings with another time to first token and token rate. */
  public SimulatorSettings withTiming(long newTtftMs, double newTokensPerSecond) {
    return new SimulatorSettings(host, port, newTtftMs, newTokensPerSecond, streamChunkIntervalMs);
  }

  /** Returns these settings with another fixed time between stream chunks (0 to pace by rate). */
  public SimulatorSettings withStreamChunkInterval(long newStreamChunkIntervalMs) {
    return new SimulatorSettings(host, port, ttftMs, tokensPerSecond, newStreamChunkIntervalMs);
  }
}
