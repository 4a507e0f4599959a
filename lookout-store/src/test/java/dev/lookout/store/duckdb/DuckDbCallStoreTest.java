package dev.lookout.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.store.StoreException;
import dev.lookout.store.TestRecords;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbCallStoreTest {
  @TempDir Path dataDir;

  @Test
  void openCreatesMissingFolder() {
    Path nested = dataDir.resolve("a/b");
    try (DuckDbCallStore store = DuckDbCallStore.open(nested)) {
      assertThat(store.file()).isEqualTo(nested.resolve("lookout.duckdb").toAbsolutePath());
    }
    assertThat(Files.exists(nested.resolve("lookout.duckdb"))).isTrue();
  }

  @Test
  void fullRecordRoundTrips() {
    CallRecord record = TestRecords.full("req-1");
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      store.append(List.of(record));
      Optional<CallRecord> found = store.find("req-1");

      assertThat(found).isPresent();
      assertThat(found.get())
          .usingRecursiveComparison()
          .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
          .isEqualTo(record);
    }
  }

  @Test
  void minimalRecordRoundTrips() {
    CallRecord record = TestRecords.minimal("req-2");
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      store.append(List.of(record));

      assertThat(store.find("req-2")).contains(record);
    }
  }

  @Test
  void recordsSurviveReopen() {
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      store.append(List.of(TestRecords.full("a"), TestRecords.minimal("b")));
    }
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      assertThat(store.count()).isEqualTo(2);
    }
  }

  @Test
  void timestampCutToMilliseconds() {
    Instant precise = Instant.parse("2025-06-01T12:00:00.123456789Z");
    CallRecord record =
        CallRecord.builder().requestId("r").timestamp(precise).status(CallStatus.SUCCESS).build();
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      store.append(List.of(record));

      assertThat(store.find("r").orElseThrow().timestamp())
          .isEqualTo(Instant.parse("2025-06-01T12:00:00.123Z"));
    }
  }

  @Test
  void costBeyondTwelvePlacesRounded() {
    CallRecord record =
        CallRecord.builder()
            .requestId("r")
            .timestamp(TestRecords.T0)
            .status(CallStatus.SUCCESS)
            .costUsd(new BigDecimal("0.0000000000015"))
            .build();
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      store.append(List.of(record));

      assertThat(store.find("r").orElseThrow().costUsd())
          .isEqualByComparingTo(new BigDecimal("0.000000000002"));
    }
  }

  @Test
  void findMissingIsEmpty() {
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      assertThat(store.find("nope")).isEmpty();
    }
  }

  @Test
  void recentNewestFirst() {
    CallRecord older = TestRecords.minimal("old");
    CallRecord newer =
        CallRecord.builder()
            .requestId("new")
            .timestamp(TestRecords.T0.plusSeconds(5))
            .status(CallStatus.SUCCESS)
            .build();
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      store.append(List.of(older, newer));

      assertThat(store.recent(1)).extracting(CallRecord::requestId).containsExactly("new");
    }
  }

  @Test
  void recentRejectsNegativeLimit() {
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      assertThatThrownBy(() -> store.recent(-1)).hasMessageContaining("-1");
    }
  }

  /** Returns a record whose cost has 28 integer digits, too many for DECIMAL(38,12). */
  private static CallRecord unstorable(String id) {
    return CallRecord.builder()
        .requestId(id)
        .timestamp(TestRecords.T0)
        .costUsd(new BigDecimal("1e27"))
        .status(CallStatus.SUCCESS)
        .build();
  }

  @Test
  void failedAppendStoresNothing() {
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      assertThatThrownBy(() -> store.append(List.of(TestRecords.minimal("a"), unstorable("bad"))))
          .isInstanceOf(StoreException.class);

      assertThat(store.count()).isZero();
    }
  }

  @Test
  void fullDiskIsStoreFault() {
    SQLException e =
        new SQLException(
            "TransactionContext Error: Failed to commit: Could not write file \"x.wal\": No space"
                + " left on device");
    assertThat(DuckDbCallStore.isStoreFault(e)).isTrue();
  }

  @Test
  void decimalOverflowIsRecordFault() {
    SQLException e =
        new SQLException(
            "Appender error, catalog: 'null', schema: 'main', table: 'calls_hot', message: invalid"
                + " decimal precision, max expected: 38, actual: 52");
    assertThat(DuckDbCallStore.isStoreFault(e)).isFalse();
  }

  @Test
  void probeWriteLeavesNoRecord() {
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      store.probeWrite();
      assertThat(store.count()).isZero();
    }
  }

  @Test
  void retrySkipsStoredIds() {
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      store.append(List.of(TestRecords.full("stored")));
      assertThatThrownBy(() -> store.append(List.of(TestRecords.full("stored"), unstorable("bad"))))
          .isInstanceOf(StoreException.class);

      store.append(List.of(TestRecords.full("stored"), TestRecords.full("fresh")));

      assertThat(store.count()).isEqualTo(2);
    }
  }

  @Test
  void retrySkipsRepeatsWithinBatch() {
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      assertThatThrownBy(() -> store.append(List.of(unstorable("x"))))
          .isInstanceOf(StoreException.class);

      store.append(List.of(TestRecords.minimal("x"), TestRecords.minimal("x")));

      assertThat(store.count()).isEqualTo(1);
    }
  }

  @Test
  void retryReportsOnlyNewRecords() {
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      store.append(List.of(TestRecords.full("stored")));
      assertThatThrownBy(() -> store.append(List.of(TestRecords.full("stored"), unstorable("bad"))))
          .isInstanceOf(StoreException.class);

      int stored = store.append(List.of(TestRecords.full("stored"), TestRecords.full("fresh")));

      assertThat(stored).isEqualTo(1);
    }
  }

  @Test
  void appendAfterCloseFails() {
    DuckDbCallStore store = DuckDbCallStore.open(dataDir);
    store.close();

    assertThatThrownBy(() -> store.append(List.of(TestRecords.minimal("x"))))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void readsRunDuringOpenTransaction() throws Exception {
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      store.append(List.of(TestRecords.minimal("first")));
      Thread reader =
          new Thread(
              () -> {
                for (int i = 0; i < 50; i++) {
                  store.count();
                }
              });
      reader.start();
      for (int i = 0; i < 50; i++) {
        store.append(List.of(TestRecords.minimal("r" + i)));
      }
      reader.join();

      assertThat(store.count()).isEqualTo(51);
    }
  }
}
