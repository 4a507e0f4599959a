package dev.lookout.core.record;

import java.util.Locale;

/** Outcome of one LLM call, stored in the {@code status} column. */
public enum CallStatus {
  /** The provider returned a 2xx status and, for streams, the stream completed. */
  SUCCESS,
  /** The provider returned an error status, or Lookout could not reach it. */
  ERROR,
  /** The provider sent no response within the configured timeout. */
  TIMEOUT,
  /** A guard blocked the request before it reached the provider. */
  FILTERED,
  /** The client disconnected before the response was complete. */
  CANCELLED;

  // Computed once, because the recorder reads it for every stored record.
  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** Returns the lower-case name used in storage and JSON, for example {@code success}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Parses a stored status name.
   *
   * @throws IllegalArgumentException if {@code name} is not one of the stored names
   */
  public static CallStatus fromWireName(String name) {
    for (CallStatus status : values()) {
      if (status.wireName().equals(name)) {
        return status;
      }
    }
    throw new IllegalArgumentException(
        "Unknown call status '"
            + name
            + "': expected success, error, timeout, filtered or cancelled");
  }
}
