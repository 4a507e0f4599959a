package dev.lookout.store.query;

import java.time.Instant;

/**
 * The calls that started in one time bucket, aggregated by the store.
 *
 * @param start start of the bucket, UTC
 * @param errors calls whose status is not {@code success}
 * @param costUsd exact summed cost of the priced calls, zero when none was priced
 * @param p50Ms median latency in milliseconds
 */
public record TimeBucket(
    Instant start,
    long calls,
    long errors,
    long inputTokens,
    long outputTokens,
    java.math.BigDecimal costUsd,
    double p50Ms,
    double p95Ms,
    double p99Ms) {}
