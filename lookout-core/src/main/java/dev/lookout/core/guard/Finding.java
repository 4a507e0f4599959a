package dev.lookout.core.guard;

/**
 * One thing a guard found in a text.
 *
 * @param type what was found, for example {@code EMAIL} or {@code INJECTION}
 * @param start first character, as a Java {@code String} index
 * @param end index just past the last character (end-exclusive)
 * @param score confidence from 0 to 1
 */
public record Finding(String type, int start, int end, double score) {
  public Finding {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "Finding of " + type + " has an invalid span [" + start + ", " + end + ")");
    }
  }
}
