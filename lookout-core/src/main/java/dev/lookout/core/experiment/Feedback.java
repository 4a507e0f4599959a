package dev.lookout.core.experiment;

import java.time.Instant;

/**
 * A score attached to a recorded call, for example a thumbs-up or a conversion.
 *
 * @param requestId the call's request id
 * @param name metric name, for example {@code thumbs_up}
 * @param value the score; booleans are stored as 1 and 0
 * @param isBoolean whether the score was given as a boolean
 * @param createdAt when the score was received
 */
public record Feedback(
    String requestId, String name, double value, boolean isBoolean, Instant createdAt) {

  /** Longest accepted metric name, in characters. */
  public static final int MAX_NAME_CHARS = 64;

  /** Returns whether {@code name} is a valid feedback (and experiment metric) name. */
  public static boolean validName(String name) {
    return name != null && name.matches("[A-Za-z0-9_.-]{1," + MAX_NAME_CHARS + "}");
  }

  public Feedback {
    if (requestId == null || requestId.isBlank()) {
      throw new IllegalArgumentException("Feedback needs a request_id, the id of a recorded call");
    }
    if (!validName(name)) {
      throw new IllegalArgumentException(
          "Invalid feedback name '"
              + name
              + "': use 1 to "
              + MAX_NAME_CHARS
              + " letters, digits, '_', '.' or '-', for example thumbs_up");
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "Feedback value for '" + name + "' must be a finite number or a boolean, got " + value);
    }
    if (createdAt == null) {
      throw new IllegalArgumentException("Feedback needs a created_at time");
    }
  }

  /** Returns a boolean score, stored as 1 or 0. */
  public static Feedback ofBoolean(String requestId, String name, boolean value, Instant at) {
    return new Feedback(requestId, name, value ? 1 : 0, true, at);
  }

  /** Returns a numeric score. */
  public static Feedback ofNumber(String requestId, String name, double value, Instant at) {
    return new Feedback(requestId, name, value, false, at);
  }
}
