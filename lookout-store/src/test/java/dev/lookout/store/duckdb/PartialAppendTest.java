package dev.lookout.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.store.StoreException;
import dev.lookout.store.TestRecords;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch that fails after DuckDB's appender has committed its first chunks. */
class PartialAppendTest {
  /** More than one appender chunk of 2,048 rows. */
  private static final int SIZE = 5_000;

  @TempDir Path data;

  private static String id(int i) {
    return String.format("01900000-0000-7000-8000-%012d", i);
  }

  private static List<CallRecord> batch() {
    List<CallRecord> batch = new ArrayList<>();
    for (int i = 0; i < SIZE; i++) {
      batch.add(TestRecords.minimal(id(i)));
    }
    return batch;
  }

  /** Returns the batch with its last record's cost too large for DECIMAL(38,12). */
  private static List<CallRecord> withPoisonLast() {
    List<CallRecord> batch = batch();
    batch.set(
        SIZE - 1,
        CallRecord.builder()
            .requestId(id(SIZE - 1))
            .timestamp(TestRecords.T0)
            .costUsd(new BigDecimal("1e39"))
            .status(CallStatus.SUCCESS)
            .httpStatus(200)
            .build());
    return batch;
  }

  private static void appendFailing(DuckDbCallStore store, List<CallRecord> batch) {
    try {
      store.append(batch);
    } catch (StoreException expected) {
      // The chunks before the poisoned one are stored.
    }
  }

  @Test
  void failureStoresFirstChunks() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      appendFailing(store, withPoisonLast());
      assertThat(store.count()).isBetween(1L, SIZE - 1L);
    }
  }

  @Test
  void retryStoresNoDuplicate() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      appendFailing(store, withPoisonLast());
      store.append(batch());
      assertThat(store.count()).isEqualTo(SIZE);
    }
  }

  @Test
  void failedRetryStoresNothingMore() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      appendFailing(store, withPoisonLast());
      long afterFirst = store.count();
      appendFailing(store, withPoisonLast());
      assertThat(store.count()).isEqualTo(afterFirst);
    }
  }

  @Test
  void storesAfterFailedRetry() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      appendFailing(store, withPoisonLast());
      appendFailing(store, withPoisonLast());
      store.append(batch());
      assertThat(store.count()).isEqualTo(SIZE);
    }
  }

  @Test
  void singleRetriesRepeatNoStoredId() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      appendFailing(store, withPoisonLast());
      long afterFailure = store.count();
      store.append(List.of(TestRecords.minimal(id(SIZE - 2))));
      store.append(List.of(TestRecords.minimal(id(0))));
      assertThat(store.count()).isEqualTo(afterFailure + 1);
    }
  }

  @Test
  void appendsDirectlyAfterRetry() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      appendFailing(store, withPoisonLast());
      store.append(batch());
      store.append(List.of(TestRecords.minimal(id(SIZE))));
      assertThat(store.count()).isEqualTo(SIZE + 1);
    }
  }
}
