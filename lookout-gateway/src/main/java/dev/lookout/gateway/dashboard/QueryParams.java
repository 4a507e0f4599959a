package dev.lookout.gateway.dashboard;

import dev.lookout.core.time.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

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

  /** Minimum bucket length in milliseconds, because smaller buckets would flood the page. */
  private static final long MIN_BUCKET_MILLIS = 1000;

  /** Maximum bucket length a request may set. */
  private static final Duration MAX_BUCKET = Duration.ofDays(366);

  /** Maximum look-back of a duration such as {@code since=7d}, about 10 years. */
  private static final Duration MAX_LOOK_BACK = Duration.ofDays(3650);

  /** Earliest and latest ISO-8601 times accepted; the store's timestamps lie in between. */
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  /** Shape of a request id, the cursor of {@code before}. */
  private static final Pattern REQUEST_ID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private QueryParams() {}

  /**
   * Parses {@code since}: a duration back from {@code now} ({@code 15m}, {@code 24h}, {@code 7d})
   * or an ISO-8601 time ({@code 2026-12-04T18:00:00Z}).
   */
  static Instant since(String text, Instant now) {
    return time("since", text, now);
  }

  /**
   * Parses the time parameter {@code name} ({@code since} or {@code until}) as {@link #since} does;
   * the error names {@code name}.
   */
  static Instant time(String name, String text, Instant now) {
    if (text.indexOf('T') > 0) {
      Instant time;
      try {
        time = Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(invalidTime(name, text), e);
      }
      if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
        throw new IllegalArgumentException(
            "Invalid " + name + " '" + text + "': a time must lie between 1970 and 9999");
      }
      return time;
    }
    Duration back;
    try {
      back = DurationText.parse(name, text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(invalidTime(name, text), e);
    }
    if (back.compareTo(MAX_LOOK_BACK) > 0) {
      throw new IllegalArgumentException(
          "Invalid "
              + name
              + " '"
              + text
              + "': a duration may reach back at most 3650d (10 years)");
    }
    return now.minus(back);
  }

  private static String invalidTime(String name, String text) {
    return "Invalid "
        + name
        + " '"
        + text
        + "': expected a duration from 1s to 3650d such as 24h, or an ISO-8601 time such as"
        + " 2026-12-04T18:00:00Z";
  }

  /**
   * Checks {@code before}, the request id of the last call of the previous page.
   *
   * @return {@code text}, or null when absent
   */
  static String before(String text) {
    if (text == null || REQUEST_ID.matcher(text).matches()) {
      return text;
    }
    throw new IllegalArgumentException(
        "Invalid before '"
            + text
            + "': expected a request id such as next_before of the previous page");
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
    Duration bucket;
    try {
      bucket = DurationText.parse("bucket", text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid bucket '" + text + "': expected auto or a duration from 1s to 366d", e);
    }
    if (bucket.toMillis() < MIN_BUCKET_MILLIS) {
      throw new IllegalArgumentException(
          "Invalid bucket '" + text + "': it must be at least 1s, or auto");
    }
    if (bucket.compareTo(MAX_BUCKET) > 0) {
      throw new IllegalArgumentException(
          "Invalid bucket '" + text + "': it must be at most 366d, or auto");
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
