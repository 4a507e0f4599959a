package dev.lookout.core.time;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations written as a number and a unit, as in configuration files and command-line
 * options: {@code 500ms}, {@code 30s}, {@code 15m}, {@code 24h}, {@code 7d}.
 */
public final class DurationText {
  private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  /**
   * The maximum duration accepted, 100 years, so that any parsed duration can be added to or
   * subtracted from the current time.
   */
  public static final Duration MAX = Duration.ofDays(36_500);

  private DurationText() {}

  /**
   * Parses {@code text}.
   *
   * @param setting the option or key being parsed, named in the error message
   * @throws IllegalArgumentException if {@code text} is not a number followed by ms, s, m, h or d,
   *     or is longer than {@link #MAX}
   */
  public static Duration parse(String setting, String text) {
    if (text == null) {
      throw new IllegalArgumentException(setting + " must be set, for example 30s or 24h");
    }
    Matcher matcher = FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          setting
              + " must be a whole number followed by ms, s, m, h or d (for example 30s or 24h),"
              + " got '"
              + text
              + "'");
    }
    String digits = matcher.group(1);
    // 18 digits always fit a long; a longer number is far above MAX in any unit.
    long amount = digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    Duration duration = of(amount, matcher.group(2));
    if (duration == null || duration.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(
          setting + " is too large: '" + text + "'; the most is 36500d (100 years)");
    }
    return duration;
  }

  /** Returns the duration, or null if it does not fit a {@link Duration}. */
  private static Duration of(long amount, String unit) {
    try {
      return unitDuration(amount, unit);
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private static Duration unitDuration(long amount, String unit) {
    switch (unit) {
      case "ms":
        return Duration.ofMillis(amount);
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      case "h":
        return Duration.ofHours(amount);
      default:
        return Duration.ofDays(amount);
    }
  }
}
