package dev.lookout.cli.config;

import dev.lookout.core.guard.pii.PiiDetector;
import dev.lookout.core.guard.pii.PiiGuard;
import dev.lookout.core.guard.pii.PiiRedactor;
import dev.lookout.core.guard.pii.RedactionMode;
import dev.lookout.core.time.DurationText;
import dev.lookout.gateway.guard.GuardSettings;
import dev.lookout.gateway.guard.GuardTextRedactor;
import dev.lookout.gateway.payload.CaptureSettings;
import dev.lookout.gateway.payload.TemplateCapture;
import dev.lookout.store.payload.CaptureMode;
import dev.lookout.store.payload.LocalPayloadStore;
import dev.lookout.store.payload.PayloadStore;
import dev.lookout.store.payload.S3PayloadStore;
import dev.lookout.store.payload.S3Settings;
import dev.lookout.store.payload.SpillingPayloadStore;
import dev.lookout.store.retention.RetentionPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Payload capture, the payload store and retention, resolved from {@code capture:}, {@code
 * payloads:} and {@code retention:} in {@code lookout.yaml} and the {@code --capture} flags.
 *
 * @param capture what is captured of each call
 * @param queueCapacity payloads queued for the writer before new ones are dropped
 * @param s3 the S3 store, or null for the local folder under the data folder
 * @param retention how long records and payloads are kept
 * @param archiveTo folder or {@code s3://bucket/prefix} that each finished day's records are
 *     archived to as Parquet, or null for no archive
 */
public record PayloadConfig(
    CaptureSettings capture,
    int queueCapacity,
    S3Settings s3,
    RetentionPolicy retention,
    String archiveTo) {

  public static final int DEFAULT_QUEUE_CAPACITY = 10_000;

  /** Wait after the first failed upload of a spilled payload, doubled up to the max. */
  static final Duration SPILL_INITIAL_BACKOFF = Duration.ofSeconds(1);

  static final Duration SPILL_MAX_BACKOFF = Duration.ofMinutes(5);

  /** Returns the configuration with capture off, no S3 and no retention. */
  public static PayloadConfig off() {
    return new PayloadConfig(
        CaptureSettings.off(), DEFAULT_QUEUE_CAPACITY, null, RetentionPolicy.keepAll(), null);
  }

  /**
   * Opens the configured payload store: the local folder {@code <data>/payloads}, or the S3 bucket
   * behind a spill folder {@code <data>/payload-spill}.
   */
  public PayloadStore openStore(Path dataDir) {
    if (s3 == null) {
      return new LocalPayloadStore(LocalPayloadStore.folderIn(dataDir));
    }
    return new SpillingPayloadStore(
        new S3PayloadStore(s3),
        SpillingPayloadStore.folderIn(dataDir),
        SPILL_INITIAL_BACKOFF,
        SPILL_MAX_BACKOFF,
        Clock.systemUTC());
  }

  /**
   * Resolves the sections.
   *
   * @param captureOverride {@code --capture} or {@code LOOKOUT_CAPTURE}, or null
   * @param rateOverride {@code --capture-sample-rate} or {@code LOOKOUT_CAPTURE_SAMPLE_RATE}, or
   *     null
   * @param guards the configured guards, whose PII redaction {@code redacted} capture uses
   * @throws IllegalArgumentException naming the first invalid setting and its value
   */
  static PayloadConfig from(
      ConfigFile file, String captureOverride, String rateOverride, GuardSettings guards) {
    ConfigFile.Capture section =
        file.capture() != null ? file.capture() : new ConfigFile.Capture(null, null, null, null);
    CaptureMode mode =
        mode(
            "capture.mode",
            captureOverride != null ? captureOverride : section.mode(),
            CaptureMode.REDACTED);
    double rate =
        rateOverride != null
            ? parseRate(rateOverride)
            : section.sampleRate() != null ? section.sampleRate() : 1.0;
    Map<String, TemplateCapture> templates = new LinkedHashMap<>();
    if (section.templates() != null) {
      section
          .templates()
          .forEach(
              (name, entry) ->
                  templates.put(
                      name,
                      new TemplateCapture(
                          entry == null || entry.mode() == null
                              ? null
                              : mode("capture.templates." + name + ".mode", entry.mode(), null),
                          entry == null ? null : entry.sampleRate())));
    }
    boolean piiOn =
        file.guards() == null
            || file.guards().pii() == null
            || !Boolean.FALSE.equals(file.guards().pii().enabled());
    CaptureSettings capture =
        new CaptureSettings(
            mode, rate, templates, piiOn ? guards.storageRedactor() : defaultRedactor());
    int queue = section.queueCapacity() != null ? section.queueCapacity() : DEFAULT_QUEUE_CAPACITY;
    if (queue < 1) {
      throw new IllegalArgumentException("capture.queue_capacity must be 1 or more, got " + queue);
    }
    String archiveTo =
        file.retention() == null || file.retention().archiveTo() == null
            ? null
            : file.retention().archiveTo().trim();
    if (archiveTo != null
        && archiveTo.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")
        && !archiveTo.startsWith("s3://")) {
      throw new IllegalArgumentException(
          "retention.archive_to must be a folder or s3://bucket/prefix, got '"
              + archiveTo
              + "'; other URL schemes are not supported");
    }
    return new PayloadConfig(
        capture, queue, s3(file.payloads()), retention(file.retention()), archiveTo);
  }

  /**
   * Returns the redactor of {@code redacted} capture while the PII guard is disabled: the broad
   * detectors (names and addresses included) with placeholders, so {@code redacted} never stores
   * bodies unredacted.
   */
  private static UnaryOperator<String> defaultRedactor() {
    PiiGuard guard =
        new PiiGuard(PiiDetector.broad(), new PiiRedactor(RedactionMode.PLACEHOLDER, null));
    return new GuardTextRedactor(guard);
  }

  private static CaptureMode mode(String setting, String text, CaptureMode fallback) {
    if (text == null) {
      return fallback;
    }
    // YAML 1.1 reads an unquoted off as the boolean false.
    String value = text.trim().toLowerCase(Locale.ROOT).equals("false") ? "off" : text;
    return CaptureMode.parse(setting, value);
  }

  private static double parseRate(String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "capture.sample_rate must be a number from 0 to 1, got '" + text + "'", e);
    }
  }

  private static S3Settings s3(ConfigFile.Payloads payloads) {
    String store =
        payloads == null || payloads.store() == null
            ? "local"
            : payloads.store().trim().toLowerCase(Locale.ROOT);
    if (store.equals("local")) {
      return null;
    }
    if (!store.equals("s3")) {
      throw new IllegalArgumentException(
          "payloads.store must be local or s3, got '" + payloads.store() + "'");
    }
    String checksums =
        payloads.checksums() == null
            ? "when_supported"
            : payloads.checksums().trim().toLowerCase(Locale.ROOT);
    if (!checksums.equals("when_supported") && !checksums.equals("when_required")) {
      throw new IllegalArgumentException(
          "payloads.checksums must be when_supported or when_required, got '"
              + payloads.checksums()
              + "'");
    }
    URI endpoint = null;
    if (payloads.endpoint() != null && !payloads.endpoint().isBlank()) {
      try {
        endpoint = URI.create(payloads.endpoint().trim());
      } catch (IllegalArgumentException e) {
        // Not a URI at all; reported below like one without a scheme or host.
        endpoint = null;
      }
      if (endpoint == null || endpoint.getScheme() == null || endpoint.getHost() == null) {
        throw new IllegalArgumentException(
            "payloads.endpoint must be a URL such as http://127.0.0.1:9000, got '"
                + payloads.endpoint()
                + "'");
      }
    }
    return new S3Settings(
        endpoint,
        payloads.region() == null ? "us-east-1" : payloads.region(),
        payloads.bucket(),
        payloads.prefix(),
        payloads.pathStyle() != null ? payloads.pathStyle() : endpoint != null,
        checksums.equals("when_required"),
        payloads.callTimeout() == null
            ? S3Settings.DEFAULT_CALL_TIMEOUT
            : DurationText.parse("payloads.call_timeout", payloads.callTimeout()));
  }

  private static RetentionPolicy retention(ConfigFile.Retention retention) {
    if (retention == null) {
      return RetentionPolicy.keepAll();
    }
    return new RetentionPolicy(
        period("retention.records", retention.records()),
        period("retention.payloads", retention.payloads()));
  }

  private static Duration period(String setting, String text) {
    if (text == null || text.trim().equalsIgnoreCase("forever")) {
      return null;
    }
    return DurationText.parse(setting, text);
  }
}
