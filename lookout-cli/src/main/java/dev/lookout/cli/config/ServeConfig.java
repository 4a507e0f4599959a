package dev.lookout.cli.config;

import dev.lookout.core.experiment.Experiment;
import dev.lookout.core.pricing.PriceTable;
import dev.lookout.gateway.GatewaySettings;
import dev.lookout.gateway.access.AccessSettings;
import dev.lookout.gateway.dashboard.DashboardAuth;
import dev.lookout.gateway.drift.DriftMonitorSettings;
import dev.lookout.gateway.guard.GuardSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything {@code lookout serve} needs, resolved from defaults, {@code lookout.yaml}, {@code
 * LOOKOUT_*} variables and flags, in that order of precedence (flags win).
 *
 * @param dataDir folder of the DuckDB store
 * @param queueCapacity records the recorder queues before it drops new ones
 * @param batchSize most records the recorder writes to the store in one append
 * @param flushInterval longest time a record waits in the queue before a write
 * @param labelCap most distinct values per metric label
 * @param access Lookout keys, budgets and the alert webhook
 * @param guards the input and output guards and the redaction of stored text
 * @param prices the built-in price table, with the user's table and model aliases merged over it
 * @param dashboardAuth who may read the dashboard at {@code /ui/} and its {@code /api/v1} routes
 * @param experiments the prompt experiments of {@code experiments:}, in file order
 * @param payloads payload capture, the payload store and retention
 * @param drift settings of output drift detection, or null when it is off
 */
public record ServeConfig(
    GatewaySettings gateway,
    Path dataDir,
    int queueCapacity,
    int batchSize,
    Duration flushInterval,
    int labelCap,
    AccessSettings access,
    PriceTable prices,
    GuardSettings guards,
    DashboardAuth dashboardAuth,
    List<Experiment> experiments,
    PayloadConfig payloads,
    DriftMonitorSettings drift) {

  /** Returns this configuration with other gateway settings. */
  public ServeConfig withGateway(GatewaySettings value) {
    return new ServeConfig(
        value,
        dataDir,
        queueCapacity,
        batchSize,
        flushInterval,
        labelCap,
        access,
        prices,
        guards,
        dashboardAuth,
        experiments,
        payloads,
        drift);
  }

  /** Returns this configuration with other keys, budgets and alert webhook. */
  public ServeConfig withAccess(AccessSettings value) {
    return new ServeConfig(
        gateway,
        dataDir,
        queueCapacity,
        batchSize,
        flushInterval,
        labelCap,
        value,
        prices,
        guards,
        dashboardAuth,
        experiments,
        payloads,
        drift);
  }

  /** Returns this configuration with other experiments. */
  public ServeConfig withExperiments(List<Experiment> value) {
    return new ServeConfig(
        gateway,
        dataDir,
        queueCapacity,
        batchSize,
        flushInterval,
        labelCap,
        access,
        prices,
        guards,
        dashboardAuth,
        value,
        payloads,
        drift);
  }

  /** Returns this configuration with other drift settings (null turns drift off). */
  public ServeConfig withDrift(DriftMonitorSettings value) {
    return new ServeConfig(
        gateway,
        dataDir,
        queueCapacity,
        batchSize,
        flushInterval,
        labelCap,
        access,
        prices,
        guards,
        dashboardAuth,
        experiments,
        payloads,
        value);
  }
}
