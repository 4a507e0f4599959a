package dev.lookout.core.drift;

import java.util.Locale;

/** Drift state of one prompt template and model. */
public enum DriftState {
  /** The baseline is not complete yet; no test runs and no alert is raised. */
  COLD_START(0),
  /** The last test did not reject "same distribution" at the configured level. */
  STABLE(1),
  /** The last test rejected "same distribution" at the configured level. */
  DRIFTED(2);

  private final int gaugeValue;

  DriftState(int gaugeValue) {
    this.gaugeValue = gaugeValue;
  }

  /** Returns the value of the {@code llm_output_drift_state} gauge: 0, 1 or 2. */
  public int gaugeValue() {
    return gaugeValue;
  }

  /** Returns the name used in JSON and the store, for example {@code cold_start}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the state named {@code label}.
   *
   * @throws IllegalArgumentException if no state has that name
   */
  public static DriftState parse(String label) {
    for (DriftState state : values()) {
      if (state.label().equals(label)) {
        return state;
      }
    }
    throw new IllegalArgumentException(
        "Unknown drift state '" + label + "'; expected cold_start, stable or drifted");
  }
}
