package dev.lookout.store.retention;

import dev.lookout.store.duckdb.DuckDbCallStore;
import dev.lookout.store.payload.PayloadStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link RetentionPolicy}: deletes the call records of whole UTC days older than the
 * records period, and the payload day folders older than the payloads period.
 *
 * <p>Payloads are deleted by whole day folders (or day prefixes in S3), never object by object
 * search. Expired days of records are dropped by deleting their day files, so the disk space comes
 * back at once. Then the remaining finished days are sealed: each moves from the DuckDB table into
 * a Parquet file of its day. The DuckDB file holds only the unsealed days.
 */
public final class Retention {
  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  /** How long after a UTC day ends its records are sealed into a day file. */
  public static final Duration SEAL_DELAY = Duration.ofHours(1);

  private final RetentionPolicy policy;

  public Retention(RetentionPolicy policy) {
    this.policy = policy;
  }

  /**
   * Returns the first UTC day that stays in the DuckDB table at {@code now}: the day of one hour
   * ago, so records of a day that just ended, still arriving from long streams, are not split.
   */
  public static LocalDate firstHotDay(Instant now) {
    return LocalDate.ofInstant(now.minus(SEAL_DELAY), ZoneOffset.UTC);
  }

  /**
   * Deletes what the policy has expired at {@code now}, or only counts it when {@code dryRun}.
   *
   * @param records the call store, or null to leave records alone
   * @param payloads the payload store, or null to leave payloads alone
   */
  public RetentionResult apply(
      DuckDbCallStore records, PayloadStore payloads, Instant now, boolean dryRun) {
    LocalDate recordsBefore = null;
    long deletedRecords = 0;
    if (policy.records() != null && records != null) {
      recordsBefore = RetentionPolicy.firstKeptDay(policy.records(), now);
      Instant cutoff = recordsBefore.atStartOfDay(ZoneOffset.UTC).toInstant();
      if (dryRun) {
        deletedRecords = records.countBefore(cutoff);
      } else {
        // Dropping first frees space even when a full disk would make the seal fail.
        deletedRecords = records.dropDaysBefore(recordsBefore);
        records.sealDaysBefore(firstHotDay(now));
      }
    }
    LocalDate payloadsBefore = null;
    List<LocalDate> days = new ArrayList<>();
    long objects = 0;
    if (policy.payloads() != null && payloads != null) {
      payloadsBefore = RetentionPolicy.firstKeptDay(policy.payloads(), now);
      for (LocalDate day : payloads.days()) {
        if (day.isBefore(payloadsBefore)) {
          days.add(day);
          if (!dryRun) {
            objects += payloads.deleteDay(day);
          }
        }
      }
    }
    RetentionResult result =
        new RetentionResult(recordsBefore, deletedRecords, payloadsBefore, days, objects, dryRun);
    log.info("{}", result.summary());
    return result;
  }
}
