package dev.lookout.store;

import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.core.usage.TokenUsage;
import dev.lookout.core.usage.UsageSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** Call records for tests. */
public final class TestRecords {
  /** A fixed start time with whole milliseconds, as the store keeps them. */
  public static final Instant T0 = Instant.parse("2025-06-01T12:00:00.123Z");

  private TestRecords() {}

  /** Returns a record with every field set. */
  public static CallRecord full(String requestId) {
    return new CallRecord(
        requestId,
        T0,
        "/v1/chat/completions",
        "openai",
        "gpt-4o-mini",
        "gpt-4o-mini-2024-07-18",
        "support-answer",
        "v3",
        "0123456789abcdef",
        1200L,
        340L,
        1024L,
        7L,
        64L,
        UsageSource.PROVIDER,
        new BigDecimal("0.000384000001"),
        true,
        812.5,
        95.25,
        true,
        CallStatus.SUCCESS,
        200,
        "none",
        "no error, just a test value",
        "user-42",
        "key-7",
        "exp-1",
        "B",
        "[{\"guard\":\"pii\",\"action\":\"redact\"}]",
        Map.of("team", "search", "region", "eu"));
  }

  /** Returns a record with only the required fields set. */
  public static CallRecord minimal(String requestId) {
    return CallRecord.builder()
        .requestId(requestId)
        .timestamp(T0)
        .status(CallStatus.ERROR)
        .httpStatus(502)
        .build();
  }

  /** Returns a record for report tests. */
  public static CallRecord call(
      String requestId,
      String model,
      CallStatus status,
      long inputTokens,
      long outputTokens,
      String costUsd,
      double latencyMs) {
    return CallRecord.builder()
        .requestId(requestId)
        .timestamp(T0)
        .model(model)
        .status(status)
        .httpStatus(status == CallStatus.SUCCESS ? 200 : 500)
        .usage(TokenUsage.of(inputTokens, outputTokens, UsageSource.PROVIDER))
        .costUsd(costUsd == null ? null : new BigDecimal(costUsd))
        .latencyMs(latencyMs)
        .build();
  }
}
