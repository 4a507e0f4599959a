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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Measures the bytes on disk per call record, and how they change when retention drops days, on
 * generated records.
 *
 * <p>Usage: {@code java -cp lookout-bench.jar dev.lookout.bench.StorageBenchmark RECORDS DAYS DIR}.
 * Writes RECORDS records spread evenly over DAYS days into DIR (which must not exist) and seals
 * every day into its day file. Then it drops the older half of the days, writes RECORDS / 2 records
 * for new days and seals them. After each step it prints the bytes of the DuckDB file and the day
 * files.
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
    LocalDate firstDay = LocalDate.ofInstant(start, ZoneOffset.UTC);
    Random random = new Random(42);

    try (DuckDbCallStore store = DuckDbCallStore.open(dir)) {
      append(store, random, start, days, records);
      print(store, file, records + " records over " + days + " days, all in the DuckDB table");
      store.sealDaysBefore(firstDay.plusDays(days));
      print(store, file, "sealed into " + store.sealedDays().size() + " day files");
      long dropped = store.dropDaysBefore(firstDay.plusDays(days / 2));
      print(store, file, "dropped the older " + days / 2 + " days (" + dropped + " records)");
      append(store, random, start.plus(Duration.ofDays(days)), days / 2, records / 2);
      store.sealDaysBefore(firstDay.plusDays(days + days / 2));
      print(store, file, "appended and sealed " + records / 2 + " records for new days");
    }
  }

  private static void print(DuckDbCallStore store, Path file, String step) throws IOException {
    long total = store.bytesOnDisk();
    long table = Files.size(file);
    long rows = store.count();
    System.out.printf(
        Locale.ROOT,
        "%s: %d rows, DuckDB file %d bytes, day files %d bytes, %.0f bytes per record%n",
        step,
        rows,
        table,
        total - table,
        rows == 0 ? 0.0 : (double) total / rows);
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
