package dev.lookout.store.retention;

import dev.lookout.store.duckdb.DuckDbCallStore;
import dev.lookout.store.payload.PayloadStore;
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
 * search. DuckDB has no partitions to drop, so records are deleted with one {@code DELETE} per run
 * followed by a {@code CHECKPOINT}; rows arrive in time order, so the deleted rows fill whole row
 * groups, whose blocks DuckDB frees for reuse. The file itself does not shrink (see the README for
 * the measured sizes).
 */
public final class Retention {
  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  private final RetentionPolicy policy;

  public Retention(RetentionPolicy policy) {
    this.policy = policy;
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
      deletedRecords = dryRun ? records.countBefore(cutoff) : records.deleteBefore(cutoff);
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
