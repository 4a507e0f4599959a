package dev.lookout.bench;

import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.core.usage.TokenUsage;
import dev.lookout.core.usage.UsageSource;
import dev.lookout.store.duckdb.DuckDbCallStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Measures the DuckDB file size per call record, and the file size before and after a retention
 * delete followed by a CHECKPOINT, on generated records.
 *
 * <p>Usage: {@code java -cp lookout-bench.jar dev.lookout.bench.StorageBenchmark RECORDS DAYS DIR}.
 * Writes RECORDS records spread evenly over DAYS days into DIR (which must not exist), deletes the
 * older half of the days, then writes RECORDS / 2 records for new days, and last copies the
 * database into a new file, printing the file size after each step.
 */
public final class StorageBenchmark {
  private static final String[] MODELS = {
    "gpt-4o-mini", "gpt-4o", "claude-sonnet-4-5", "gpt-4.1-nano", "o3-mini"
  };
  private static final String[] TEMPLATES = {"support-answer", "summarise", "classify", null};

  private StorageBenchmark() {}

  public static void main(String[] args) throws IOException {
    int records = Integer.parseInt(args[0]);
    int days = Integer.parseInt(args[1]);
    Path dir = Path.of(args[2]);
    if (Files.exists(dir)) {
      throw new IllegalArgumentException(dir + " exists; pass a new folder");
    }
    Path file = dir.resolve(DuckDbCallStore.FILE_NAME);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    Random random = new Random(42);

    try (DuckDbCallStore store = DuckDbCallStore.open(dir)) {
      append(store, random, start, days, records);
    }
    long full = Files.size(file);
    System.out.printf(
        "%d records over %d days: %d bytes, %.0f bytes per record%n",
        records, days, full, (double) full / records);

    Instant cutoff = start.plus(Duration.ofDays(days / 2));
    long deleted;
    try (DuckDbCallStore store = DuckDbCallStore.open(dir)) {
      deleted = store.deleteBefore(cutoff);
    }
    System.out.printf(
        "deleted %d records before %s with DELETE and CHECKPOINT: %d bytes%n",
        deleted, cutoff, Files.size(file));

    try (DuckDbCallStore store = DuckDbCallStore.open(dir)) {
      append(store, random, start.plus(Duration.ofDays(days)), days / 2, records / 2);
    }
    try (DuckDbCallStore store = DuckDbCallStore.open(dir)) {
      System.out.printf(
          "appended %d records for %d new days: %d rows, %d bytes%n",
          records / 2, days / 2, store.count(), Files.size(file));
      Path compact = dir.resolve("compact.duckdb");
      store.withConnection(
          "Copying the database to " + compact,
          connection -> {
            try (Statement statement = connection.createStatement()) {
              statement.execute("ATTACH '" + compact + "' AS compact");
              statement.execute("COPY FROM DATABASE lookout TO compact");
              statement.execute("DETACH compact");
            }
            return null;
          });
      System.out.printf(
          "the same rows copied into a new file with COPY FROM DATABASE: %d bytes%n",
          Files.size(compact));
    }
  }

  private static void append(
      DuckDbCallStore store, Random random, Instant start, int days, int count) {
    long spanMillis = Duration.ofDays(days).toMillis();
    List<CallRecord> batch = new ArrayList<>(1000);
    for (int i = 0; i < count; i++) {
      Instant time = start.plusMillis(spanMillis * i / count);
      batch.add(record(random, time));
      if (batch.size() == 1000) {
        store.append(batch);
        batch.clear();
      }
    }
    store.append(batch);
  }

  /** Returns a record shaped like the gateway's: a UUIDv7 id, a prompt hash, usage and cost. */
  private static CallRecord record(Random random, Instant time) {
    long msb = (time.toEpochMilli() << 16) | 0x7000L | random.nextInt(1 << 12);
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    String model = MODELS[random.nextInt(MODELS.length)];
    long input = 50 + random.nextInt(3000);
    long output = 10 + random.nextInt(800);
    boolean error = random.nextInt(50) == 0;
    byte[] hash = new byte[8];
    random.nextBytes(hash);
    return CallRecord.builder()
        .requestId(new UUID(msb, lsb).toString())
        .timestamp(time)
        .endpoint("/v1/chat/completions")
        .provider("openai")
        .model(model)
        .responseModel(model + "-2025-01-01")
        .promptTemplate(TEMPLATES[random.nextInt(TEMPLATES.length)])
        .templateVersion("v" + random.nextInt(4))
        .promptHash(HexFormat.of().formatHex(hash))
        .usage(TokenUsage.of(input, output, UsageSource.PROVIDER))
        .costUsd(new BigDecimal(input * 150 + output * 600).movePointLeft(9))
        .latencyMs(200 + random.nextDouble() * 3000)
        .stream(random.nextBoolean())
        .status(error ? CallStatus.ERROR : CallStatus.SUCCESS)
        .httpStatus(error ? 500 : 200)
        .userId("user-" + random.nextInt(500))
        .guardActions(
            random.nextInt(10) == 0 ? "[{\"guard\":\"pii\",\"action\":\"redact\"}]" : null)
        .metadata(random.nextBoolean() ? Map.of("team", "team-" + random.nextInt(20)) : Map.of())
        .build();
  }
}
