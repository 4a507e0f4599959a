package dev.lookout.cli.serve;

import dev.lookout.cli.config.ServeConfig;
import dev.lookout.core.budget.BudgetPeriod;
import dev.lookout.core.budget.CallOwner;
import dev.lookout.core.time.DurationText;
import dev.lookout.gateway.GatewayFeatures;
import dev.lookout.gateway.GatewayServer;
import dev.lookout.gateway.access.AccessSettings;
import dev.lookout.gateway.dashboard.DashboardSettings;
import dev.lookout.gateway.drift.DriftMonitor;
import dev.lookout.gateway.experiment.ExperimentSettings;
import dev.lookout.gateway.metrics.GatewayMetrics;
import dev.lookout.gateway.payload.PayloadCapture;
import dev.lookout.gateway.payload.PayloadMetrics;
import dev.lookout.store.OwnerSpend;
import dev.lookout.store.duckdb.DuckDbCallStore;
import dev.lookout.store.duckdb.DuckDbDashboardQueries;
import dev.lookout.store.duckdb.DuckDbExperimentQueries;
import dev.lookout.store.duckdb.DuckDbFeedbackStore;
import dev.lookout.store.export.ArchiveTarget;
import dev.lookout.store.export.DailyArchive;
import dev.lookout.store.payload.PayloadStore;
import dev.lookout.store.payload.PayloadWriter;
import dev.lookout.store.payload.SpillingPayloadStore;
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
  private final DuckDbFeedbackStore feedback;
  private final Recorder recorder;
  private final GatewayServer gateway;
  private final GatewayDiscovery discovery;
  private final Payloads payloads;
  private final DriftRuntime drift;
  private boolean closed;

  /** The payload store, its writer (null when capture is off) and the retention schedule. */
  private record Payloads(PayloadStore store, PayloadWriter writer, RetentionSchedule retention) {
    void close() {
      retention.close();
      if (writer != null) {
        writer.close(DRAIN_TIMEOUT);
      } else {
        store.close();
      }
    }
  }

  private GatewayRuntime(
      DuckDbCallStore store,
      DuckDbFeedbackStore feedback,
      Recorder recorder,
      GatewayServer gateway,
      GatewayDiscovery discovery,
      Payloads payloads,
      DriftRuntime drift) {
    this.store = store;
    this.feedback = feedback;
    this.recorder = recorder;
    this.gateway = gateway;
    this.discovery = discovery;
    this.payloads = payloads;
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
    DuckDbFeedbackStore feedback = DuckDbFeedbackStore.open(store);
    restoreSpend(store, config.access());
    GatewayMetrics metrics = new GatewayMetrics(config.labelCap());
    metrics.registerRecorder(recorder::written, recorder::dropped, recorder::queued);
    PayloadStore payloadStore;
    try {
      payloadStore = config.payloads().openStore(config.dataDir());
    } catch (RuntimeException e) {
      recorder.close(DRAIN_TIMEOUT);
      throw e;
    }
    boolean capturing = config.payloads().capture().enabled();
    PayloadWriter payloadWriter =
        capturing ? new PayloadWriter(payloadStore, config.payloads().queueCapacity()) : null;
    PayloadCapture capture =
        capturing
            ? new PayloadCapture(config.payloads().capture(), payloadWriter, payloadStore)
            : PayloadCapture.off();
    PayloadMetrics.register(
        metrics.registry(),
        capture,
        payloadStore instanceof SpillingPayloadStore spill ? spill : null);
    Payloads payloads =
        new Payloads(
            payloadStore,
            payloadWriter,
            RetentionSchedule.start(
                config.payloads().retention(),
                config.payloads().archiveTo() == null
                    ? null
                    : new DailyArchive(
                        store,
                        ArchiveTarget.of(config.payloads().archiveTo(), config.payloads().s3())),
                store,
                payloadStore));
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
              GatewayFeatures.none()
                  .withDashboard(
                      new DashboardSettings(
                          store, new DuckDbDashboardQueries(store), config.dashboardAuth()))
                  .withExperiments(
                      new ExperimentSettings(
                          config.experiments(),
                          feedback,
                          new DuckDbExperimentQueries(store),
                          () -> recorder.flush(Duration.ofSeconds(5))))
                  .withCapture(capture)
                  .withDrift(drift.monitor()));
    } catch (RuntimeException e) {
      feedback.close();
      drift.close();
      recorder.close(DRAIN_TIMEOUT);
      payloads.close();
      throw e;
    }
    if (!config.experiments().isEmpty()) {
      LOG.info(
          "experiments: assigning {}",
          config.experiments().stream().map(experiment -> experiment.id()).toList());
    }
    GatewayDiscovery discovery = GatewayDiscovery.publish(config.dataDir(), gateway.url());
    return new GatewayRuntime(store, feedback, recorder, gateway, discovery, payloads, drift);
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

  /** Returns the drift monitor, or null when drift detection is off. */
  public DriftMonitor driftMonitor() {
    return drift.monitor();
  }

  /** Returns the payload writer, or null when capture is off. */
  public PayloadWriter payloadWriter() {
    return payloads.writer();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    gateway.stop();
    drift.close();
    // Payloads first, so the daily retention run stops before the recorder closes the store.
    payloads.close();
    // Feedback arrives only through the gateway, so nothing writes it after the stop.
    feedback.close();
    boolean drained = recorder.close(DRAIN_TIMEOUT);
    if (!drained) {
      LOG.warn(
          "runtime: recorder did not drain within {} s; {} call records were not written",
          DRAIN_TIMEOUT.toSeconds(),
          recorder.abandoned());
    }
    discovery.remove();
  }
}
