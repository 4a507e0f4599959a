package dev.lookout.store.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.store.duckdb.DuckDbCallStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record the store cannot hold is dropped alone instead of blocking the records after it. */
class PoisonRecordTest {
  @TempDir Path data;

  private static CallRecord record(int i, BigDecimal cost) {
    return CallRecord.builder()
        .requestId("01900000-0000-7000-8000-00000000000" + i)
        .timestamp(Instant.now())
        .endpoint("/v1/chat/completions")
        .model("gpt-4o")
        .costUsd(cost)
        .status(CallStatus.SUCCESS)
        .httpStatus(200)
        .build();
  }

  @Test
  void poisonRecordIsDroppedAlone() {
    Recorder recorder =
        new Recorder(
            DuckDbCallStore.open(data),
            RecorderSettings.defaults()
                .withRetryBackoff(Duration.ofMillis(1), Duration.ofMillis(5)));
    // Offered together, so the writer takes them as one batch.
    recorder.offer(record(1, new BigDecimal("0.01")));
    // 40 integer digits: more than DECIMAL(38,12) holds.
    recorder.offer(record(2, new BigDecimal("1e39")));
    recorder.offer(record(3, new BigDecimal("0.02")));

    boolean drained = recorder.close(Duration.ofSeconds(30));

    assertThat(drained).isTrue();
    assertThat(recorder.written()).isEqualTo(2);
    assertThat(recorder.rejected()).isEqualTo(1);
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      assertThat(store.count()).isEqualTo(2);
    }
  }
}
