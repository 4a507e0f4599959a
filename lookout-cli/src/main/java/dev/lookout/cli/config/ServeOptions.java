package dev.lookout.cli.config;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Command-line flags shared by {@code serve} and {@code demo}. A flag left out is null, so the
 * value from {@code LOOKOUT_*} variables, {@code lookout.yaml} or the default applies.
 */
public final class ServeOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML configuration file (default: ./lookout.yaml when it exists).")
  public Path config;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description = "Interface to bind (default: 127.0.0.1).")
  public String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "TCP port to listen on (default: 8080).")
  public Integer port;

  @Option(
      names = "--upstream",
      paramLabel = "URL",
      description = "Provider base URL (default: https://api.openai.com).")
  public String upstream;

  @Option(
      names = "--anthropic-upstream",
      paramLabel = "URL",
      description = "Base URL for Anthropic's /v1/messages (default: https://api.anthropic.com).")
  public String anthropicUpstream;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Folder of the call store (default: ./lookout-data).")
  public Path data;

  @Option(
      names = "--upstream-timeout",
      paramLabel = "DURATION",
      description = "Wait for the provider's answer and each later chunk, e.g. 600s (default).")
  public String upstreamTimeout;

  @Option(
      names = "--max-body-bytes",
      paramLabel = "BYTES",
      description = "Largest request body accepted, in bytes (default: 10485760).")
  public Long maxBodyBytes;

  @Option(
      names = "--prices",
      paramLabel = "FILE",
      description =
          "Price table merged over the built-in one, in Lookout's or LiteLLM's JSON format.")
  public Path prices;

  @Option(
      names = "--shutdown-grace",
      paramLabel = "DURATION",
      description = "How long calls in flight may finish after SIGTERM, e.g. 30s (default).")
  public String shutdownGrace;

  @Option(
      names = "--capture",
      paramLabel = "MODE",
      description =
          "Store request and response bodies: off, redacted (PII masked, the default) or full.")
  public String capture;

  @Option(
      names = "--capture-sample-rate",
      paramLabel = "RATE",
      description = "Share of calls whose bodies are stored, from 0 to 1 (default: 1).")
  public Double captureSampleRate;

  @Option(
      names = "--drift",
      arity = "0..1",
      paramLabel = "BOOL",
      description = "Detect output drift per prompt template (default: false).")
  public Boolean drift;

  @Option(
      names = "--drift-sample-rate",
      paramLabel = "RATE",
      description = "Share of successful responses sampled for drift, 0 to 1 (default: 1).")
  public String driftSampleRate;
}
