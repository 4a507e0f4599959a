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

  private DurationText() {}

  /**
   * Parses {@code text}.
   *
   * @param setting the option or key being parsed, named in the error message
   * @throws IllegalArgumentException if {@code text} is not a number followed by ms, s, m, h or d
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
    long amount;
    try {
      amount = Long.parseLong(matcher.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(setting + " is too large: '" + text + "'", e);
    }
    switch (matcher.group(2)) {
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
