package dev.lookout.bench.dashboard;

import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.core.usage.TokenUsage;
import dev.lookout.core.usage.UsageSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded call records with the cardinalities of a busy deployment: 6 models, 40 prompt templates,
 * 5,000 users, 50 Lookout keys, 4 experiments, 6% failed calls and 5% with a guard action, spread
 * evenly over a time window.
 */
final class GeneratedCalls {
  private static final String[] MODELS = {
    "gpt-4o-mini", "gpt-4o", "gpt-4.1", "o3-mini", "claude-3-5-haiku-20241022", "claude-sonnet-4"
  };
  private static final String PII =
      "[{\"guard\":\"pii\",\"direction\":\"input\",\"action\":\"redact\","
          + "\"reasons\":[\"pii:EMAIL\",\"pii:PHONE\"]}]";
  private static final String INJECTION =
      "[{\"guard\":\"injection\",\"direction\":\"input\",\"action\":\"block\","
          + "\"reasons\":[\"injection:score=0.97\"]}]";

  private final Random random = new Random(42);
  private final Instant end;
  private final Duration window;

  GeneratedCalls(Instant end, Duration window) {
    this.end = end;
    this.window = window;
  }

  /** Returns the records {@code first} to {@code first + count - 1}, oldest first. */
  List<CallRecord> batch(long first, int count, long total) {
    List<CallRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      records.add(record(first + i, total));
    }
    return records;
  }

  private CallRecord record(long index, long total) {
    int model = random.nextInt(MODELS.length);
    double roll = random.nextDouble();
    CallStatus status = status(roll);
    long input = 100 + random.nextInt(4000);
    long output = status == CallStatus.SUCCESS ? 20 + random.nextInt(1200) : 0;
    long offsetMillis = (long) (window.toMillis() * (index + random.nextDouble()) / total);
    int experiment = random.nextInt(10);
    return CallRecord.builder()
        .requestId(String.format("01900000-0000-7000-8000-%012d", index))
        .timestamp(end.minus(window).plusMillis(offsetMillis))
        .endpoint("/v1/chat/completions")
        .provider(model >= 4 ? "anthropic" : "openai")
        .model(MODELS[model])
        .responseModel(MODELS[model])
        .promptTemplate("template-" + random.nextInt(40))
        .templateVersion("v" + random.nextInt(3))
        .promptHash(Long.toHexString(random.nextLong()))
        .usage(TokenUsage.of(input, output, UsageSource.PROVIDER))
        .costUsd(BigDecimal.valueOf((input * 150 + output * 600) * (1 + 4L * model), 9))
        .latencyMs(200 * (1 + model) * Math.exp(0.6 * random.nextGaussian()))
        .stream(random.nextBoolean())
        .status(status)
        .httpStatus(httpStatus(status))
        .userId("user-" + random.nextInt(5000))
        .apiKeyId("key-" + random.nextInt(50))
        .experimentId(experiment < 4 ? "exp-" + experiment : null)
        .variant(experiment < 4 ? variant() : null)
        .guardActions(
            status == CallStatus.FILTERED ? INJECTION : random.nextDouble() < 0.04 ? PII : null)
        .metadata(Map.of("region", random.nextBoolean() ? "eu" : "us"))
        .build();
  }

  /** Returns 4% errors, 1% filtered, 1% timeouts and 94% successes. */
  private static CallStatus status(double roll) {
    if (roll < 0.04) {
      return CallStatus.ERROR;
    }
    if (roll < 0.05) {
      return CallStatus.FILTERED;
    }
    if (roll < 0.06) {
      return CallStatus.TIMEOUT;
    }
    return CallStatus.SUCCESS;
  }

  private static int httpStatus(CallStatus status) {
    switch (status) {
      case SUCCESS:
        return 200;
      case FILTERED:
        return 400;
      default:
        return 502;
    }
  }

  private String variant() {
    return random.nextBoolean() ? "a" : "b";
  }
}
