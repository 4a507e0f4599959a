package dev.lookout.cli.serve;

import dev.lookout.store.duckdb.DuckDbCallStore;
import dev.lookout.store.export.DailyArchive;
import dev.lookout.store.payload.PayloadStore;
import dev.lookout.store.retention.Retention;
import dev.lookout.store.retention.RetentionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the gateway's storage upkeep. Every hour it seals the finished days of call records into day
 * files. Once a day it archives the previous day's records (when an archive is configured) and then
 * applies the retention policy. Both run first one minute after start.
 */
final class RetentionSchedule implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);
  private static final Duration FIRST_RUN = Duration.ofMinutes(1);
  private static final Duration PERIOD = Duration.ofDays(1);
  private static final Duration SEAL_PERIOD = Duration.ofHours(1);

  private final ScheduledExecutorService executor;

  private RetentionSchedule(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  /** Starts the hourly and daily runs. */
  static RetentionSchedule start(
      RetentionPolicy policy,
      DailyArchive archive,
      DuckDbCallStore records,
      PayloadStore payloads) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "lookout-retention");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleAtFixedRate(
        () -> {
          try {
            records.sealDaysBefore(Retention.firstHotDay(Instant.now()));
          } catch (RuntimeException e) {
            LOG.error(
                "store: sealing finished days failed and is retried in an hour: {}", e.toString());
          }
        },
        FIRST_RUN.toSeconds(),
        SEAL_PERIOD.toSeconds(),
        TimeUnit.SECONDS);
    if (!policy.active() && archive == null) {
      return new RetentionSchedule(executor);
    }
    Retention retention = new Retention(policy);
    executor.scheduleAtFixedRate(
        () -> {
          try {
            if (archive != null) {
              archive.archiveYesterday(Instant.now());
            }
          } catch (RuntimeException e) {
            // Retention still runs: records a failed archive missed are archived no later.
            LOG.error("archive: the daily run failed and is retried tomorrow: {}", e.toString());
          }
          try {
            retention.apply(records, payloads, Instant.now(), false);
          } catch (RuntimeException e) {
            LOG.error("retention: the daily run failed and is retried tomorrow: {}", e.toString());
          }
        },
        FIRST_RUN.toSeconds(),
        PERIOD.toSeconds(),
        TimeUnit.SECONDS);
    LOG.info(
        "retention: records kept {}, payloads kept {}, archive {}; applied daily",
        policy.records() == null ? "forever" : policy.records().toDays() + "d",
        policy.payloads() == null ? "forever" : policy.payloads().toDays() + "d",
        archive == null ? "off" : "on");
    return new RetentionSchedule(executor);
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
