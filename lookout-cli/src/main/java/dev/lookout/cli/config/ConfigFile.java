package dev.lookout.cli.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

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
    @JsonProperty("metrics") Metrics metrics,
    @JsonProperty("require_key") Boolean requireKey,
    @JsonProperty("keys") List<Key> keys,
    @JsonProperty("users") List<User> users,
    @JsonProperty("budgets") List<Budget> budgets,
    @JsonProperty("budget_webhook") String budgetWebhook,
    @JsonProperty("inject_stream_usage") Boolean injectStreamUsage,
    @JsonProperty("prices") String prices,
    @JsonProperty("model_aliases") Map<String, String> modelAliases,
    @JsonProperty("anthropic_upstream") String anthropicUpstream,
    @JsonProperty("guards") Guards guards,
    @JsonProperty("ui") Ui ui,
    @JsonProperty("experiments") List<ExperimentEntry> experiments,
    @JsonProperty("capture") Capture capture,
    @JsonProperty("payloads") Payloads payloads,
    @JsonProperty("retention") Retention retention,
    @JsonProperty("drift") Drift drift,
    @JsonProperty("max_in_flight") Integer maxInFlight,
    @JsonProperty("max_buffered_body_bytes") Long maxBufferedBodyBytes) {

  /** The {@code ui:} section: the dashboard at {@code /ui/}. */
  public record Ui(@JsonProperty("auth") UiAuth auth) {}

  /**
   * The {@code ui.auth:} section. The secret is given as its SHA-256 ({@code secret_sha256}) or
   * read from an environment variable ({@code secret_env}), never written in the file.
   */
  public record UiAuth(
      @JsonProperty("type") String type,
      @JsonProperty("user") String user,
      @JsonProperty("secret_sha256") String secretSha256,
      @JsonProperty("secret_env") String secretEnv) {}

  /** One entry of {@code experiments:}. */
  public record ExperimentEntry(
      @JsonProperty("id") String id,
      @JsonProperty("control") String control,
      @JsonProperty("variants") List<VariantEntry> variants,
      @JsonProperty("metrics") List<String> metrics,
      @JsonProperty("mde") Double mde,
      @JsonProperty("start") String start,
      @JsonProperty("stop") String stop) {}

  /** One entry of {@code experiments[].variants:}. */
  public record VariantEntry(
      @JsonProperty("name") String name,
      @JsonProperty("weight") Double weight,
      @JsonProperty("template") String template,
      @JsonProperty("template_ref") String templateRef) {}

  /** The {@code capture:} section: which request and response bodies are stored. */
  public record Capture(
      @JsonProperty("mode") String mode,
      @JsonProperty("sample_rate") Double sampleRate,
      @JsonProperty("queue_capacity") Integer queueCapacity,
      @JsonProperty("templates") Map<String, TemplateCapture> templates) {}

  /** One entry of {@code capture.templates:}, keyed by prompt template. */
  public record TemplateCapture(
      @JsonProperty("mode") String mode, @JsonProperty("sample_rate") Double sampleRate) {}

  /** The {@code payloads:} section: where captured bodies are stored. */
  public record Payloads(
      @JsonProperty("store") String store,
      @JsonProperty("endpoint") String endpoint,
      @JsonProperty("region") String region,
      @JsonProperty("bucket") String bucket,
      @JsonProperty("prefix") String prefix,
      @JsonProperty("path_style") Boolean pathStyle,
      @JsonProperty("checksums") String checksums,
      @JsonProperty("call_timeout") String callTimeout) {}

  /** The {@code retention:} section. */
  public record Retention(
      @JsonProperty("records") String records,
      @JsonProperty("payloads") String payloads,
      @JsonProperty("archive_to") String archiveTo) {}

  /**
   * The {@code guards:} section. Each entry of {@code templates} overrides, key by key, the
   * settings of calls with that {@code x-lookout-template}.
   */
  public record Guards(
      @JsonProperty("injection") Injection injection,
      @JsonProperty("pii") Pii pii,
      @JsonProperty("templates") Map<String, Guards> templates) {}

  /** The {@code guards.injection:} section. */
  public record Injection(
      @JsonProperty("enabled") Boolean enabled,
      @JsonProperty("threshold") Double threshold,
      @JsonProperty("check_output") Boolean checkOutput) {}

  /** The {@code guards.pii:} section. */
  public record Pii(
      @JsonProperty("enabled") Boolean enabled,
      @JsonProperty("input") String input,
      @JsonProperty("output") String output,
      @JsonProperty("mode") String mode,
      @JsonProperty("hash_key_env") String hashKeyEnv,
      @JsonProperty("types") List<String> types,
      @JsonProperty("phone_regions") List<String> phoneRegions) {}

  /** One entry of {@code keys:}: a Lookout key known by the SHA-256 of its text. */
  public record Key(
      @JsonProperty("id") String id,
      @JsonProperty("sha256") String sha256,
      @JsonProperty("user") String user,
      @JsonProperty("team") String team) {}

  /** One entry of {@code users:}: the team a user belongs to. */
  public record User(@JsonProperty("id") String id, @JsonProperty("team") String team) {}

  /** One entry of {@code budgets:}. */
  public record Budget(
      @JsonProperty("scope") String scope,
      @JsonProperty("id") String id,
      @JsonProperty("daily_usd") BigDecimal dailyUsd,
      @JsonProperty("monthly_usd") BigDecimal monthlyUsd,
      @JsonProperty("soft_threshold") BigDecimal softThreshold) {}

  /** The {@code drift:} section. */
  public record Drift(
      @JsonProperty("enabled") Boolean enabled,
      @JsonProperty("sample_rate") Double sampleRate,
      @JsonProperty("baseline_size") Integer baselineSize,
      @JsonProperty("window_size") Integer windowSize,
      @JsonProperty("alpha") Double alpha,
      @JsonProperty("check_every") Integer checkEvery,
      @JsonProperty("permutations") Integer permutations,
      @JsonProperty("queue_capacity") Integer queueCapacity,
      @JsonProperty("webhook") String webhook,
      @JsonProperty("max_templates") Integer maxTemplates) {}

  /** The {@code recorder:} section. */
  public record Recorder(
      @JsonProperty("queue_capacity") Integer queueCapacity,
      @JsonProperty("batch_size") Integer batchSize,
      @JsonProperty("flush_interval") String flushInterval) {}

  /** The {@code metrics:} section. */
  public record Metrics(@JsonProperty("label_cap") Integer labelCap) {}

  static ConfigFile empty() {
    return new ConfigFile(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
