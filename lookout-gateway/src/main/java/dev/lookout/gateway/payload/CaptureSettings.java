package dev.lookout.gateway.payload;

import dev.lookout.store.payload.CaptureMode;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Capture settings of the gateway: the mode, sample rate and template overrides for storing each
 * call's bodies.
 *
 * @param mode capture mode of calls whose template has no override
 * @param sampleRate share of calls captured, from 0 to 1; the choice derives from the random bits
 *     of the request id, so it is the same for a call each time it is asked
 * @param templates overrides per prompt template ({@code x-lookout-template})
 * @param redactor applied to every string value of the bodies in {@link CaptureMode#REDACTED}
 */
public record CaptureSettings(
    CaptureMode mode,
    double sampleRate,
    Map<String, TemplateCapture> templates,
    UnaryOperator<String> redactor) {

  public CaptureSettings {
    checkRate("capture.sample_rate", sampleRate);
    templates = Map.copyOf(templates);
  }

  /** Returns settings that capture nothing. */
  public static CaptureSettings off() {
    return new CaptureSettings(CaptureMode.OFF, 1.0, Map.of(), UnaryOperator.identity());
  }

  /** Returns whether any call can be captured. */
  public boolean enabled() {
    if (mode != CaptureMode.OFF && sampleRate > 0) {
      return true;
    }
    return templates.values().stream()
        .anyMatch(t -> t.mode() != null && t.mode() != CaptureMode.OFF);
  }

  /** Returns the mode configured for a prompt template, before sampling. */
  public CaptureMode modeFor(String template) {
    TemplateCapture override = template == null ? null : templates.get(template);
    return override != null && override.mode() != null ? override.mode() : mode;
  }

  /** Returns the mode for one call, {@link CaptureMode#OFF} when it is sampled out. */
  public CaptureMode decide(String template, String requestId) {
    TemplateCapture override = template == null ? null : templates.get(template);
    CaptureMode chosen = modeFor(template);
    double rate =
        override != null && override.sampleRate() != null ? override.sampleRate() : sampleRate;
    if (chosen == CaptureMode.OFF || rate <= 0) {
      return CaptureMode.OFF;
    }
    if (rate >= 1) {
      return chosen;
    }
    return sampleOf(requestId) < rate ? chosen : CaptureMode.OFF;
  }

  /** Returns a number in [0, 1) from the 53 low random bits of a UUID request id. */
  static double sampleOf(String requestId) {
    long bits;
    try {
      bits = UUID.fromString(requestId).getLeastSignificantBits();
    } catch (IllegalArgumentException e) {
      bits = requestId.hashCode() * 0x9E3779B97F4A7C15L;
    }
    return (bits & ((1L << 53) - 1)) * 0x1.0p-53;
  }

  static void checkRate(String setting, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(
          setting + " must be between 0 and 1, got " + rate + "; for example 0.1 for 10%");
    }
  }
}
