package dev.lookout.core.experiment;

/**
 * One arm of an experiment.
 *
 * @param name the variant's name, recorded as the call record's {@code variant}
 * @param weight relative share of users, 0 or more; weights are normalised over the experiment, so
 *     {@code 1, 1} and {@code 0.5, 0.5} split users the same way
 * @param template prompt template text with {@code {{variable}}} placeholders, or null when the
 *     variant leaves the request's prompt unchanged
 */
public record Variant(String name, double weight, String template) {

  public Variant {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A variant needs a non-empty name");
    }
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException(
          "Weight of variant '" + name + "' must be a finite number of 0 or more, got " + weight);
    }
  }
}
