package dev.lookout.store.report;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Aggregates of the calls that share one group key, or of all calls for the total.
 *
 * <p>{@code costUsd} is kept without trailing zeros, so two groups with the same amount are equal
 * whatever scale the store returned. The percentiles are NaN when the group has no calls.
 *
 * @param key the group's value of the grouped field, {@link #NONE_KEY} when that field was null, or
 *     null for the total
 * @param calls number of calls
 * @param errors number of calls whose status is not {@code success}
 * @param inputTokens sum of input tokens, where calls without a count add nothing
 * @param outputTokens sum of output tokens, where calls without a count add nothing
 * @param costUsd exact sum of the cost of the priced calls, in US dollars
 * @param p50Ms median latency in milliseconds, interpolated linearly between records
 * @param p95Ms 95th percentile latency in milliseconds, interpolated linearly
 * @param p99Ms 99th percentile latency in milliseconds, interpolated linearly
 * @param unpricedCalls calls with token counts but no price for their model; their cost is missing
 *     from {@code costUsd}
 */
public record ReportGroup(
    String key,
    long calls,
    long errors,
    long inputTokens,
    long outputTokens,
    BigDecimal costUsd,
    double p50Ms,
    double p95Ms,
    double p99Ms,
    long unpricedCalls) {

  /** Key of the group of calls whose grouped field is null. */
  public static final String NONE_KEY = "(none)";

  /** Returns a group in which every call with token counts was priced. */
  public ReportGroup(
      String key,
      long calls,
      long errors,
      long inputTokens,
      long outputTokens,
      BigDecimal costUsd,
      double p50Ms,
      double p95Ms,
      double p99Ms) {
    this(key, calls, errors, inputTokens, outputTokens, costUsd, p50Ms, p95Ms, p99Ms, 0);
  }

  public ReportGroup {
    Objects.requireNonNull(costUsd, "ReportGroup.costUsd must not be null; use zero");
    costUsd = costUsd.stripTrailingZeros();
  }
}
