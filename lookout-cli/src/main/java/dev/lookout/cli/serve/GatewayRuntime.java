package dev.lookout.cli.serve;

import dev.lookout.cli.config.ServeConfig;
import dev.lookout.core.budget.BudgetPeriod;
import dev.lookout.core.budget.CallOwner;
import dev.lookout.core.time.DurationText;
import dev.lookout.gateway.GatewayServer;
import dev.lookout.gateway.access.AccessSettings;
import dev.lookout.gateway.metrics.GatewayMetrics;
import dev.lookout.store.OwnerSpend;
import dev.lookout.store.duckdb.DuckDbCallStore;
import dev.lookout.store.recorder.Recorder;
import dev.lookout.store.recorder.RecorderSettings;
import dev.lookout.store.report.GroupBy;
import dev.lookout.store.report.Report;
import dev.lookout.store.report.ReportJson;
import dev.lookout.store.report.ReportQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway with its store, recorder and metrics, wired together. Closing it stops the
 * gateway first (calls in flight finish), then drains the recorder into the store, so no record of
 * a finished call is lost.
 */
public final class GatewayRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayRuntime.class);

  /** Maximum wait for the recorder to write what is queued when the gateway stops. */
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

  private final DuckDbCallStore store;
  private final Recorder recorder;
  private final GatewayServer gateway;
  private final GatewayDiscovery discovery;
  private final DriftRuntime drift;
  private boolean closed;

  private GatewayRuntime(
      DuckDbCallStore store,
      Recorder recorder,
      GatewayServer gateway,
      GatewayDiscovery discovery,
      DriftRuntime drift) {
    this.store = store;
    this.recorder = recorder;
    this.gateway = gateway;
    this.discovery = discovery;
    this.drift = drift;
  }

  /** Opens the store, starts the recorder and the gateway. */
  public static GatewayRuntime start(ServeConfig config) {
    // Validated before the store is opened, so a bad setting creates no files.
    RecorderSettings recorderSettings =
        RecorderSettings.defaults()
            .withQueueCapacity(config.queueCapacity())
            .withMaxBatchSize(config.batchSize())
            .withFlushInterval(config.flushInterval());
    DuckDbCallStore store = DuckDbCallStore.open(config.dataDir());
    Recorder recorder = new Recorder(store, recorderSettings);
    restoreSpend(store, config.access());
    GatewayMetrics metrics = new GatewayMetrics(config.labelCap());
    metrics.registerRecorder(recorder::written, recorder::dropped, recorder::queued);
    DriftRuntime drift = DriftRuntime.start(config, store, metrics);
    GatewayServer gateway;
    try {
      gateway =
          GatewayServer.start(
              config.gateway(),
              recorder::offer,
              config.prices(),
              metrics,
              (since, by) -> reportJson(store, recorder, since, by),
              config.access(),
              config.guards(),
              drift.monitor());
    } catch (RuntimeException e) {
      drift.close();
      recorder.close(DRAIN_TIMEOUT);
      throw e;
    }
    GatewayDiscovery discovery = GatewayDiscovery.publish(config.dataDir(), gateway.url());
    return new GatewayRuntime(store, recorder, gateway, discovery, drift);
  }

  /** Rebuilds this month's budget spend from the store, so limits hold across restarts. */
  private static void restoreSpend(DuckDbCallStore store, AccessSettings access) {
    if (!access.ledger().enabled()) {
      return;
    }
    Instant monthStart = BudgetPeriod.MONTHLY.startOf(Instant.now());
    int rows = 0;
    for (OwnerSpend spend : store.spendByOwner(monthStart)) {
      CallOwner owner = access.keys().ownerOf(spend.apiKeyId(), spend.userId());
      Instant day = spend.day().atStartOfDay(ZoneOffset.UTC).toInstant();
      access.ledger().restore(owner, spend.costUsd(), day);
      rows++;
    }
    LOG.info("budget: restored spend since {} from {} stored owner-days", monthStart, rows);
  }

  private static String reportJson(
      DuckDbCallStore store, Recorder recorder, String since, String by) {
    Duration window = DurationText.parse("since", since);
    ReportQuery query = new ReportQuery(Instant.now().minus(window), GroupBy.parse(by));
    // Records of calls that just finished may still sit in the queue; write them first so the
    // report matches what the client has seen.
    recorder.flush(Duration.ofSeconds(5));
    return ReportJson.write(store.report(query));
  }

  /** Returns the report of calls since {@code since}, read in-process. */
  public Report report(Instant since, GroupBy by) {
    recorder.flush(Duration.ofSeconds(5));
    return store.report(new ReportQuery(since, by));
  }

  /** Returns the number of records in the store, after writing what is queued. */
  public long storedRecords() {
    recorder.flush(Duration.ofSeconds(5));
    return store.count();
  }

  public GatewayServer gateway() {
    return gateway;
  }

  public Recorder recorder() {
    return recorder;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    gateway.stop();
    drift.close();
    boolean drained = recorder.close(DRAIN_TIMEOUT);
    if (!drained) {
      LOG.warn(
          "runtime: recorder did not drain within {} s; {} records were not written",
          DRAIN_TIMEOUT.toSeconds(),
          recorder.queued());
    }
    discovery.remove();
  }
}
