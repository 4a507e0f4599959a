package dev.lookout.bench.recorder;

import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.core.record.RequestIds;
import dev.lookout.core.usage.TokenUsage;
import dev.lookout.core.usage.UsageSource;
import dev.lookout.store.duckdb.DuckDbCallStore;
import dev.lookout.store.recorder.Recorder;
import dev.lookout.store.recorder.RecorderSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Measures how many call records per second the recorder sustains into DuckDB: producer threads
 * offer records as fast as the recorder's queue takes them, and the clock stops when {@link
 * Recorder#close} has written every record.
 *
 * <p>A producer whose offer is rejected because the queue is full waits {@value #FULL_WAIT_MICROS}
 * µs and offers the same record again, so the result is the writer's sustained rate, not a rate
 * bought by dropping records. The recorder counts each rejected offer as dropped, so {@code
 * dropped} reports how often producers had to wait.
 */
public final class RecorderThroughput {
  private static final long FULL_WAIT_MICROS = 50;

  private RecorderThroughput() {}

  /**
   * Result of one run.
   *
   * @param records records offered and accepted
   * @param seconds time from the first offer until every record was written
   * @param written records the recorder reports written
   * @param stored records the store counts after the run
   * @param queueFull offers rejected because the queue was full (and then retried)
   * @param failedWrites store appends that failed
   */
  public record Result(
      long records, double seconds, long written, long stored, long queueFull, long failedWrites) {
    public double recordsPerSecond() {
      return seconds > 0 ? written / seconds : 0;
    }
  }

  public static void main(String[] args) throws Exception {
    long records = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int producers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    if (records < 1 || producers < 1) {
      System.err.println(
          "Usage: RecorderThroughput [RECORDS (default 1000000)] [PRODUCERS (default 2)]; both"
              + " must be 1 or more");
      System.exit(2);
    }
    Result result = run(records, producers, RecorderSettings.defaults());
    System.out.printf(
        Locale.ROOT,
        "| %d | %d | %.2f | %.0f | %d | %d | %d |%n",
        result.records(),
        producers,
        result.seconds(),
        result.recordsPerSecond(),
        result.stored(),
        result.queueFull(),
        result.failedWrites());
  }

  /** Writes {@code records} records through a recorder into a fresh DuckDB file in a temp dir. */
  public static Result run(long records, int producers, RecorderSettings settings)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("lookout-recorder-bench");
    try {
      Recorder recorder = new Recorder(DuckDbCallStore.open(dir), settings);
      AtomicLong queueFull = new AtomicLong();
      List<Thread> threads = new ArrayList<>();
      long start = System.nanoTime();
      for (int p = 0; p < producers; p++) {
        long share = records / producers + (p < records % producers ? 1 : 0);
        Thread thread =
            new Thread(() -> produce(recorder, share, queueFull), "recorder-bench-producer-" + p);
        threads.add(thread);
        thread.start();
      }
      for (Thread thread : threads) {
        thread.join();
      }
      if (!recorder.close(Duration.ofMinutes(5))) {
        throw new IllegalStateException(
            "the recorder did not write every record within 5 minutes of the last offer");
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long stored;
      try (DuckDbCallStore store = DuckDbCallStore.open(dir)) {
        stored = store.count();
      }
      return new Result(
          records, seconds, recorder.written(), stored, queueFull.get(), recorder.failedWrites());
    } finally {
      deleteTree(dir);
    }
  }

  private static void produce(Recorder recorder, long count, AtomicLong queueFull) {
    for (long i = 0; i < count; i++) {
      CallRecord record = sampleRecord(i);
      while (!recorder.offer(record)) {
        queueFull.incrementAndGet();
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(FULL_WAIT_MICROS));
      }
    }
  }

  /** Returns a record shaped like a priced, measured, guarded chat call through the gateway. */
  static CallRecord sampleRecord(long index) {
    return CallRecord.builder()
        .requestId(RequestIds.next())
        .timestamp(Instant.now())
        .endpoint("/v1/chat/completions")
        .provider("openai")
        .model("gpt-4o-mini")
        .responseModel("gpt-4o-mini-2024-07-18")
        .promptHash("0123456789abcdef")
        .usage(TokenUsage.of(120 + index % 50, 340, UsageSource.PROVIDER))
        .costUsd(new BigDecimal("0.000222"))
        .latencyMs(812.5)
        .stream(index % 2 == 0)
        .ttftMs(index % 2 == 0 ? 95.25 : null)
        .status(CallStatus.SUCCESS)
        .httpStatus(200)
        .userId("user-" + index % 100)
        .guardActions("[{\"guard\":\"pii\",\"action\":\"redact\"}]")
        .metadata(Map.of("team", "search"))
        .build();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
