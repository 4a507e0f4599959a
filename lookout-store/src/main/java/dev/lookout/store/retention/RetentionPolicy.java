package dev.lookout.store.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How long call records and payloads are kept. Retention works in whole UTC days: a day is deleted
 * once all of it is older than the period, so a 30-day period keeps between 30 and 31 days.
 *
 * @param records period of call records, or null to keep them forever
 * @param payloads period of payloads, or null to keep them forever
 */
public record RetentionPolicy(Duration records, Duration payloads) {
  public RetentionPolicy {
    check("retention.records", records);
    check("retention.payloads", payloads);
  }

  /** Returns a policy that keeps everything. */
  public static RetentionPolicy keepAll() {
    return new RetentionPolicy(null, null);
  }

  /** Returns whether the policy deletes anything. */
  public boolean active() {
    return records != null || payloads != null;
  }

  /**
   * Returns the first UTC day kept for {@code period}: days before it are deleted. For a period of
   * 30 days at 2026-12-04T18:00Z that is 2026-11-04.
   */
  public static LocalDate firstKeptDay(Duration period, Instant now) {
    return LocalDate.ofInstant(now.minus(period), ZoneOffset.UTC);
  }

  /** Returns a period in the units the settings take: whole days, hours or seconds. */
  private static String text(Duration period) {
    if (period.isZero() || period.isNegative()) {
      return period.toSeconds() + "s";
    }
    if (period.toSeconds() % 86_400 == 0) {
      return period.toDays() + "d";
    }
    if (period.toSeconds() % 3_600 == 0) {
      return period.toHours() + "h";
    }
    return period.toSeconds() + "s";
  }

  private static void check(String setting, Duration period) {
    if (period != null && (period.isNegative() || period.toHours() < 24)) {
      throw new IllegalArgumentException(
          setting + " must be at least 1d, got " + text(period) + "; for example 30d or 400d");
    }
  }
}
