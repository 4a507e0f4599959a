package dev.lookout.gateway.dashboard;

import dev.lookout.core.time.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parsing of the dashboard API's query parameters; every error names the parameter and value. */
final class QueryParams {
  /** Bucket widths the automatic choice picks from, smallest first. */
  private static final Duration[] NICE_BUCKETS = {
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofMinutes(1),
    Duration.ofMinutes(5),
    Duration.ofMinutes(15),
    Duration.ofMinutes(30),
    Duration.ofHours(1),
    Duration.ofHours(3),
    Duration.ofHours(6),
    Duration.ofHours(12),
    Duration.ofDays(1),
    Duration.ofDays(7)
  };

  /** Most buckets an automatic bucket width yields, so a chart keeps a readable point count. */
  static final int TARGET_BUCKETS = 120;

  /** Fewest milliseconds a requested bucket may have; smaller ones would flood the page. */
  private static final long MIN_BUCKET_MILLIS = 1000;

  private QueryParams() {}

  /**
   * Parses {@code since}: a duration back from {@code now} ({@code 15m}, {@code 24h}, {@code 7d})
   * or an ISO-8601 time ({@code 2026-12-04T18:00:00Z}).
   */
  static Instant since(String text, Instant now) {
    if (text.indexOf('T') > 0) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "Invalid since '"
                + text
                + "': expected a duration such as 24h or an ISO-8601 time such as"
                + " 2026-12-04T18:00:00Z",
            e);
      }
    }
    return now.minus(DurationText.parse("since", text));
  }

  /** Parses {@code bucket}: {@code auto} or a duration of at least one second. */
  static Duration bucket(String text, Instant since, Instant now) {
    if (text == null || text.equals("auto")) {
      Duration window = Duration.between(since, now);
      for (Duration candidate : NICE_BUCKETS) {
        if (window.dividedBy(candidate) <= TARGET_BUCKETS) {
          return candidate;
        }
      }
      return NICE_BUCKETS[NICE_BUCKETS.length - 1];
    }
    Duration bucket = DurationText.parse("bucket", text);
    if (bucket.toMillis() < MIN_BUCKET_MILLIS) {
      throw new IllegalArgumentException(
          "Invalid bucket '" + text + "': it must be at least 1s, or auto");
    }
    return bucket;
  }

  /** Parses a positive whole number no larger than {@code max}. */
  static int limit(String text, int fallback, int max) {
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below with the accepted range.
    }
    throw new IllegalArgumentException(
        "Invalid limit '" + text + "': expected a whole number from 1 to " + max);
  }
}
