package dev.lookout.cli.config;

import dev.lookout.core.drift.DriftSettings;
import dev.lookout.core.drift.MmdTest;
import dev.lookout.gateway.drift.DriftMonitorSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Resolves the {@code drift:} section, its {@code LOOKOUT_DRIFT_*} variables and the {@code
 * --drift} flags, in that order of precedence (flags win). Drift detection is off unless enabled,
 * because loading the embedding model costs a few seconds and about 100 MB at start.
 */
final class DriftConfig {
  private DriftConfig() {}

  /**
   * Returns the monitor's settings, or null when drift detection is off.
   *
   * @throws IllegalArgumentException naming the setting when a value is invalid
   */
  static DriftMonitorSettings from(
      ConfigFile.Drift file, ServeOptions flags, SettingSources sources) {
    ConfigFile.Drift drift =
        file != null
            ? file
            : new ConfigFile.Drift(null, null, null, null, null, null, null, null, null, null);
    boolean enabled =
        bool(
            "drift.enabled",
            sources.pick(
                "drift.enabled",
                "--drift",
                str(flags.drift),
                "LOOKOUT_DRIFT_ENABLED",
                str(drift.enabled()),
                "false"));
    // Every value is checked even while drift is off, so a mistake stops the start at once
    // instead of when drift is turned on.
    double sampleRate =
        number(
            "drift.sample_rate",
            sources.pick(
                "drift.sample_rate",
                "--drift-sample-rate",
                flags.driftSampleRate,
                "LOOKOUT_DRIFT_SAMPLE_RATE",
                str(drift.sampleRate()),
                String.valueOf(DriftMonitorSettings.DEFAULT_SAMPLE_RATE)));
    int baselineSize =
        integer(
            "drift.baseline_size",
            sources.pick(
                "drift.baseline_size",
                "LOOKOUT_DRIFT_BASELINE_SIZE",
                str(drift.baselineSize()),
                String.valueOf(DriftSettings.DEFAULT_BASELINE_SIZE)));
    int windowSize =
        integer(
            "drift.window_size",
            sources.pick(
                "drift.window_size",
                "LOOKOUT_DRIFT_WINDOW_SIZE",
                str(drift.windowSize()),
                String.valueOf(DriftSettings.DEFAULT_WINDOW_SIZE)));
    double alpha =
        number(
            "drift.alpha",
            sources.pick(
                "drift.alpha",
                "LOOKOUT_DRIFT_ALPHA",
                str(drift.alpha()),
                String.valueOf(DriftSettings.DEFAULT_ALPHA)));
    int checkEvery =
        integer(
            "drift.check_every",
            sources.pick(
                "drift.check_every",
                "LOOKOUT_DRIFT_CHECK_EVERY",
                str(drift.checkEvery()),
                String.valueOf(DriftSettings.DEFAULT_CHECK_EVERY)));
    int permutations =
        integer(
            "drift.permutations",
            sources.pick(
                "drift.permutations",
                "LOOKOUT_DRIFT_PERMUTATIONS",
                str(drift.permutations()),
                String.valueOf(MmdTest.DEFAULT_PERMUTATIONS)));
    int queueCapacity =
        integer(
            "drift.queue_capacity",
            sources.pick(
                "drift.queue_capacity",
                "LOOKOUT_DRIFT_QUEUE_CAPACITY",
                str(drift.queueCapacity()),
                String.valueOf(DriftMonitorSettings.DEFAULT_QUEUE_CAPACITY)));
    int maxTemplates =
        integer(
            "drift.max_templates",
            sources.pick(
                "drift.max_templates",
                "LOOKOUT_DRIFT_MAX_TEMPLATES",
                str(drift.maxTemplates()),
                String.valueOf(DriftMonitorSettings.DEFAULT_MAX_TEMPLATES)));
    String webhook = sources.pick("drift.webhook", "LOOKOUT_DRIFT_WEBHOOK", drift.webhook(), null);
    DriftMonitorSettings settings =
        new DriftMonitorSettings(
            new DriftSettings(baselineSize, windowSize, alpha, checkEvery, permutations),
            sampleRate,
            queueCapacity,
            DriftMonitorSettings.DEFAULT_BATCH_SIZE,
            webhook == null ? null : uri(webhook),
            maxTemplates);
    return enabled ? settings : null;
  }

  private static String str(Object value) {
    return value == null ? null : value.toString();
  }

  private static boolean bool(String setting, String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException(setting + " must be true or false, got '" + text + "'");
  }

  private static int integer(String setting, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          setting + " must be a whole number, got '" + text + "'", e);
    }
  }

  private static double number(String setting, String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(setting + " must be a number, got '" + text + "'", e);
    }
  }

  private static URI uri(String text) {
    try {
      URI uri = new URI(text.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new URISyntaxException(text, "no scheme or host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "drift.webhook must be a URL such as http://127.0.0.1:9000/hook, got '" + text + "'", e);
    }
  }
}
