package dev.lookout.cli.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The contents of {@code lookout.yaml}. Every field is optional; a null field keeps the default.
 * Unknown keys are rejected when the file is read, so a typo does not pass silently.
 */
public record ConfigFile(
    @JsonProperty("host") String host,
    @JsonProperty("port") Integer port,
    @JsonProperty("upstream") String upstream,
    @JsonProperty("data") String data,
    @JsonProperty("upstream_timeout") String upstreamTimeout,
    @JsonProperty("max_body_bytes") Long maxBodyBytes,
    @JsonProperty("shutdown_grace") String shutdownGrace,
    @JsonProperty("recorder") Recorder recorder,
    @JsonProperty("metrics") Metrics metrics) {

  /** The {@code recorder:} section. */
  public record Recorder(
      @JsonProperty("queue_capacity") Integer queueCapacity,
      @JsonProperty("batch_size") Integer batchSize,
      @JsonProperty("flush_interval") String flushInterval) {}

  /** The {@code metrics:} section. */
  public record Metrics(@JsonProperty("label_cap") Integer labelCap) {}

  static ConfigFile empty() {
    return new ConfigFile(null, null, null, null, null, null, null, null, null);
  }
}
