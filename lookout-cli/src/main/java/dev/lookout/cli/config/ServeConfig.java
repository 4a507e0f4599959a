package dev.lookout.cli.config;

import dev.lookout.core.pricing.PriceTable;
import dev.lookout.gateway.GatewaySettings;
import dev.lookout.gateway.access.AccessSettings;
import dev.lookout.gateway.drift.DriftMonitorSettings;
import dev.lookout.gateway.guard.GuardSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything {@code lookout serve} needs, resolved from defaults, {@code lookout.yaml}, {@code
 * LOOKOUT_*} variables and flags, in that order of precedence (flags win).
 *
 * @param dataDir folder of the DuckDB store
 * @param queueCapacity records the recorder queues before it drops new ones
 * @param batchSize most records written to the store in one transaction
 * @param flushInterval longest time a record waits in the queue before a write
 * @param labelCap most distinct values per metric label
 * @param access Lookout keys, budgets and the alert webhook
 * @param guards the input and output guards and the redaction of stored text
 * @param prices the built-in price table, with the user's table and model aliases merged over it
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
    DriftMonitorSettings drift) {}
