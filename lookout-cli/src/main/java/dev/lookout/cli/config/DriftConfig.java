package dev.lookout.cli.config;

import dev.lookout.core.drift.DriftSettings;
import dev.lookout.core.drift.MmdTest;
import dev.lookout.gateway.drift.DriftMonitorSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves the {@code drift:} section, its {@code LOOKOUT_DRIFT_*} variables and the {@code
 * --drift} flags, in that order of precedence (flags win). Drift detection is off unless enabled,
 * because loading the embedding model costs a few seconds and about 100 MB at start.
 */
final class DriftConfig {
  /** Environment variables of the settings {@link DriftSettings} checks. */
  private static final List<String> TEST_VARIABLES =
      List.of(
          "LOOKOUT_DRIFT_BASELINE_SIZE",
          "LOOKOUT_DRIFT_WINDOW_SIZE",
          "LOOKOUT_DRIFT_ALPHA",
          "LOOKOUT_DRIFT_CHECK_EVERY",
          "LOOKOUT_DRIFT_PERMUTATIONS");

  private DriftConfig() {}

  /**
   * Returns the monitor's settings, or null when drift detection is off.
   *
   * @throws IllegalArgumentException naming the setting when a value is invalid
   */
  static DriftMonitorSettings from(
      ConfigFile.Drift file, ServeOptions flags, Map<String, String> env) {
    ConfigFile.Drift drift =
        file != null
            ? file
            : new ConfigFile.Drift(null, null, null, null, null, null, null, null, null);
    boolean enabled =
        bool(
            "drift.enabled",
            pick(
                str(flags.drift), env.get("LOOKOUT_DRIFT_ENABLED"), str(drift.enabled()), "false"));
    if (!enabled) {
      return null;
    }
    double sampleRate =
        number(
            "drift.sample_rate",
            pick(
                flags.driftSampleRate,
                env.get("LOOKOUT_DRIFT_SAMPLE_RATE"),
                str(drift.sampleRate()),
                String.valueOf(DriftMonitorSettings.DEFAULT_SAMPLE_RATE)));
    int baselineSize =
        integer(
            "drift.baseline_size",
            pick(
                null,
                env.get("LOOKOUT_DRIFT_BASELINE_SIZE"),
                str(drift.baselineSize()),
                String.valueOf(DriftSettings.DEFAULT_BASELINE_SIZE)));
    int windowSize =
        integer(
            "drift.window_size",
            pick(
                null,
                env.get("LOOKOUT_DRIFT_WINDOW_SIZE"),
                str(drift.windowSize()),
                String.valueOf(DriftSettings.DEFAULT_WINDOW_SIZE)));
    double alpha =
        number(
            "drift.alpha",
            pick(
                null,
                env.get("LOOKOUT_DRIFT_ALPHA"),
                str(drift.alpha()),
                String.valueOf(DriftSettings.DEFAULT_ALPHA)));
    int checkEvery =
        integer(
            "drift.check_every",
            pick(
                null,
                env.get("LOOKOUT_DRIFT_CHECK_EVERY"),
                str(drift.checkEvery()),
                String.valueOf(DriftSettings.DEFAULT_CHECK_EVERY)));
    int permutations =
        integer(
            "drift.permutations",
            pick(
                null,
                env.get("LOOKOUT_DRIFT_PERMUTATIONS"),
                str(drift.permutations()),
                String.valueOf(MmdTest.DEFAULT_PERMUTATIONS)));
    int queueCapacity =
        integer(
            "drift.queue_capacity",
            pick(
                null,
                env.get("LOOKOUT_DRIFT_QUEUE_CAPACITY"),
                str(drift.queueCapacity()),
                String.valueOf(DriftMonitorSettings.DEFAULT_QUEUE_CAPACITY)));
    String webhook = pick(null, env.get("LOOKOUT_DRIFT_WEBHOOK"), drift.webhook(), null);
    return new DriftMonitorSettings(
        settings(env, baselineSize, windowSize, alpha, checkEvery, permutations),
        sampleRate,
        queueCapacity,
        DriftMonitorSettings.DEFAULT_BATCH_SIZE,
        webhook == null ? null : uri(webhook));
  }

  /**
   * Returns the test settings. A value out of range is reported under its lookout.yaml key; when
   * environment variables set some of them, the message names those too.
   */
  private static DriftSettings settings(
      Map<String, String> env,
      int baselineSize,
      int windowSize,
      double alpha,
      int checkEvery,
      int permutations) {
    try {
      return new DriftSettings(baselineSize, windowSize, alpha, checkEvery, permutations);
    } catch (IllegalArgumentException e) {
      List<String> fromEnv = new ArrayList<>();
      for (String name : TEST_VARIABLES) {
        String value = env.get(name);
        if (value != null && !value.isBlank()) {
          fromEnv.add(name + "=" + value.trim());
        }
      }
      if (fromEnv.isEmpty()) {
        throw e;
      }
      throw new IllegalArgumentException(
          e.getMessage() + " (set from the environment: " + String.join(", ", fromEnv) + ")", e);
    }
  }

  private static String pick(String flag, String fromEnv, String fileValue, String fallback) {
    if (flag != null) {
      return flag;
    }
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    return fileValue != null ? fileValue : fallback;
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
