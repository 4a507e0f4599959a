package dev.lookout.gateway.payload;

import dev.lookout.store.payload.CaptureMode;

/**
 * Capture settings of one prompt template, overriding the global ones.
 *
 * @param mode capture mode, or null to keep the global one
 * @param sampleRate share of calls captured, from 0 to 1, or null to keep the global one
 */
public record TemplateCapture(CaptureMode mode, Double sampleRate) {
  public TemplateCapture {
    if (sampleRate != null) {
      CaptureSettings.checkRate("capture.templates.*.sample_rate", sampleRate);
    }
  }
}
