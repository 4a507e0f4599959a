package dev.lookout.core.experiment;

import java.util.Locale;

/** How a metric is compared: rates with the two-proportion z-test, means with Welch's t-test. */
public enum MetricKind {
  /** Values are 0 or 1, for example a thumbs-up, a conversion or an error. */
  RATE,
  /** Any numbers, for example cost, latency or output tokens. */
  MEAN;

  /** Returns the lower-case name used in JSON. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
