package dev.lookout.store.payload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Object keys of payloads. The key derives from the request id alone: a Lookout request id is a
 * UUIDv7 whose first 48 bits are the Unix milliseconds of the call, so the call record needs no
 * column to point at its payload. For example {@code 0193a1b2-...} created at 2026-12-04T18:05Z has
 * the key {@code 2026-12-04/18/0193a1b2-....json.gz}.
 */
public final class PayloadKeys {
  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

  private static final long MILLIS_PER_HOUR = 3_600_000L;
  private static final long MILLIS_PER_DAY = 24 * MILLIS_PER_HOUR;

  /** Suffix of every payload object. */
  public static final String SUFFIX = ".json.gz";

  private PayloadKeys() {}

  /**
   * Returns the key of a request id.
   *
   * @throws IllegalArgumentException if the id is not a lower-case UUIDv7, the form the gateway
   *     gives out in {@code x-lookout-request-id}
   */
  public static String of(String requestId) {
    long millis = createdAt(requestId).toEpochMilli();
    LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(millis, MILLIS_PER_DAY));
    long hour = Math.floorMod(millis, MILLIS_PER_DAY) / MILLIS_PER_HOUR;
    // Built by hand: String.format cost more than the rest of a payload's key and file write.
    return new StringBuilder(64)
        .append(day)
        .append('/')
        .append(hour < 10 ? "0" : "")
        .append(hour)
        .append('/')
        .append(requestId)
        .append(SUFFIX)
        .toString();
  }

  /** Returns the creation time a UUIDv7 request id carries. */
  public static Instant createdAt(String requestId) {
    if (requestId == null || !UUID_TEXT.matcher(requestId).matches()) {
      throw new IllegalArgumentException(
          "Invalid request id '"
              + requestId
              + "': expected a lower-case UUIDv7 such as the x-lookout-request-id header of a"
              + " call");
    }
    long millis = UUID.fromString(requestId).getMostSignificantBits() >>> 16;
    return Instant.ofEpochMilli(millis);
  }

  /** Returns the day folder of a key: its first path segment. */
  static LocalDate day(String key) {
    return LocalDate.parse(key.substring(0, key.indexOf('/')));
  }
}
