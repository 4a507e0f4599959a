package dev.lookout.cli.dashboard;

import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.core.usage.TokenUsage;
import dev.lookout.core.usage.UsageSource;
import dev.lookout.store.duckdb.DuckDbCallStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated call records spread over the day before a start time, written into a store before the
 * gateway opens it, so the dashboard's charts have more than one bucket to draw.
 */
final class HistoryCalls {
  private static final String[] MODELS = {"gpt-4o-mini", "gpt-4o", "claude-3-5-haiku-20241022"};
  private static final String[] TEMPLATES = {"support-answer", "summarize", "classify-ticket"};
  private static final String PII =
      "[{\"guard\":\"pii\",\"direction\":\"input\",\"action\":\"redact\","
          + "\"reasons\":[\"pii:EMAIL\"]}]";
  private static final String INJECTION =
      "[{\"guard\":\"injection\",\"direction\":\"input\",\"action\":\"block\","
          + "\"reasons\":[\"injection:score=0.97\"]}]";

  private HistoryCalls() {}

  /** Writes {@code count} records, with seeded randomness, between {@code end - 24h} and end. */
  static void write(Path dataDir, int count, Instant end) {
    Random random = new Random(7);
    List<CallRecord> records = new ArrayList<>(count);
    long span = Duration.ofHours(24).toMillis() - 60_000;
    for (int i = 0; i < count; i++) {
      int model = random.nextInt(MODELS.length);
      double roll = random.nextDouble();
      CallStatus status = CallStatus.SUCCESS;
      int httpStatus = 200;
      String guards = roll > 0.95 ? PII : null;
      if (roll < 0.04) {
        status = CallStatus.ERROR;
        httpStatus = 502;
      } else if (roll < 0.06) {
        status = CallStatus.FILTERED;
        httpStatus = 400;
        guards = INJECTION;
      }
      long input = 200 + random.nextInt(1500);
      long output = status == CallStatus.SUCCESS ? 50 + random.nextInt(600) : 0;
      double latency = (300 + 900 * model) * Math.exp(0.5 * random.nextGaussian());
      records.add(
          CallRecord.builder()
              .requestId(String.format("00000000-0000-7000-8000-%012d", i))
              .timestamp(end.minusMillis(60_000 + (long) (span * random.nextDouble())))
              .endpoint("/v1/chat/completions")
              .provider("openai")
              .model(MODELS[model])
              .promptTemplate(TEMPLATES[random.nextInt(TEMPLATES.length)])
              .usage(TokenUsage.of(input, output, UsageSource.PROVIDER))
              // Prices of $0.15 and $0.60 per million input and output tokens, times 1, 11 or 21.
              .costUsd(
                  BigDecimal.valueOf((input * 150 + output * 600) * (1 + 10L * model))
                      .movePointLeft(9))
              .latencyMs(latency)
              .status(status)
              .httpStatus(httpStatus)
              .userId("user-" + random.nextInt(5))
              .guardActions(guards)
              .build());
    }
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      store.append(records);
    }
  }
}
