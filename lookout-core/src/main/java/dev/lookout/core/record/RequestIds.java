package dev.lookout.core.record;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Generates UUIDv7 request ids (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids
 * sort by creation time and index well.
 */
public final class RequestIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private RequestIds() {}

  /** Returns a new UUIDv7 in the canonical 36-character form. */
  public static String next() {
    return next(System.currentTimeMillis()).toString();
  }

  static UUID next(long epochMillis) {
    long randA = RANDOM.nextInt(1 << 12);
    long randB = RANDOM.nextLong();
    long msb = (epochMillis << 16) | (0x7L << 12) | randA;
    long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
