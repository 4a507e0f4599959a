package dev.lookout.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.store.TestRecords;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealing days of records into Parquet day files, and dropping those files. */
class DayPartitionsTest {
  private static final Instant DAY0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final LocalDate FIRST = LocalDate.parse("2026-11-01");
  private static final int PER_DAY = 40;

  @TempDir Path data;

  private static List<CallRecord> days(int count) {
    List<CallRecord> records = new ArrayList<>();
    for (int day = 0; day < count; day++) {
      for (int i = 0; i < PER_DAY; i++) {
        records.add(
            record("d" + day + "-" + i, DAY0.plus(Duration.ofDays(day)).plusSeconds(i * 600L)));
      }
    }
    return records;
  }

  private static CallRecord record(String id, Instant time) {
    return CallRecord.builder()
        .requestId(id)
        .timestamp(time)
        .model("gpt-4o-mini")
        .costUsd(new BigDecimal("0.000000000001"))
        .status(CallStatus.SUCCESS)
        .httpStatus(200)
        .build();
  }

  private List<Path> dayFiles() throws IOException {
    Path folder = data.resolve(DayPartitions.FOLDER);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void sealWritesOneFilePerDay() throws IOException {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      store.append(days(5));

      store.sealDaysBefore(FIRST.plusDays(3));

      assertThat(dayFiles()).hasSize(3);
    }
  }

  @Test
  void sealReturnsMovedCount() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      store.append(days(5));

      assertThat(store.sealDaysBefore(FIRST.plusDays(3))).isEqualTo(3L * PER_DAY);
    }
  }

  @Test
  void sealKeepsEveryRecordVisible() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      store.append(days(5));

      store.sealDaysBefore(FIRST.plusDays(3));

      assertThat(store.count()).isEqualTo(5L * PER_DAY);
    }
  }

  @Test
  void sealedRecordRoundTrips() {
    CallRecord full = TestRecords.full("sealed-1");
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      store.append(List.of(full));
      store.sealDaysBefore(LocalDate.parse("2025-06-02"));

      assertThat(store.find("sealed-1").orElseThrow())
          .usingRecursiveComparison()
          .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
          .isEqualTo(full);
    }
  }

  @Test
  void sealedDaysListed() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      store.append(days(4));

      store.sealDaysBefore(FIRST.plusDays(2));

      assertThat(store.sealedDays()).containsExactly(FIRST, FIRST.plusDays(1));
    }
  }

  @Test
  void lateRecordGetsSecondDayFile() throws IOException {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      store.append(days(2));
      store.sealDaysBefore(FIRST.plusDays(1));
      store.append(List.of(record("late", DAY0.plusSeconds(30))));

      store.sealDaysBefore(FIRST.plusDays(1));

      assertThat(dayFiles()).hasSize(2);
      assertThat(store.count()).isEqualTo(2L * PER_DAY + 1);
    }
  }

  @Test
  void sealWithNothingToMoveWritesNoFile() throws IOException {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      store.append(days(1));

      assertThat(store.sealDaysBefore(FIRST)).isZero();
      assertThat(dayFiles()).isEmpty();
    }
  }

  @Test
  void dropDeletesDayFiles() throws IOException {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      store.append(days(6));
      store.sealDaysBefore(FIRST.plusDays(6));

      store.dropDaysBefore(FIRST.plusDays(4));

      assertThat(dayFiles()).hasSize(2);
    }
  }

  @Test
  void dropReturnsDeletedCount() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      store.append(days(6));
      store.sealDaysBefore(FIRST.plusDays(5));

      // Four sealed days plus none of the hot day, which is kept.
      assertThat(store.dropDaysBefore(FIRST.plusDays(4))).isEqualTo(4L * PER_DAY);
    }
  }

  @Test
  void dropAlsoDeletesUnsealedOldRows() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      store.append(days(3));

      store.dropDaysBefore(FIRST.plusDays(2));

      assertThat(store.count()).isEqualTo(PER_DAY);
    }
  }

  @Test
  void dropShrinksSealedBytes() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      store.append(days(20));
      store.sealDaysBefore(FIRST.plusDays(20));
      long before = store.sealedBytes();

      store.dropDaysBefore(FIRST.plusDays(10));

      assertThat(store.sealedBytes()).isLessThan(before);
    }
  }

  @Test
  void sealedFilesSurviveReopen() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      store.append(days(3));
      store.sealDaysBefore(FIRST.plusDays(2));
    }
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      assertThat(store.count()).isEqualTo(3L * PER_DAY);
    }
  }

  @Test
  void unlistedDayFileDeletedOnOpen() throws IOException {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      store.append(days(2));
      store.sealDaysBefore(FIRST.plusDays(1));
    }
    Path stray =
        data.resolve(DayPartitions.FOLDER)
            .resolve("day=2026-11-01/part-00000000-0000-0000-0000-000000000000.parquet");
    Files.write(stray, new byte[] {1, 2, 3});

    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      assertThat(Files.exists(stray)).isFalse();
    }
  }

  @Test
  void foreignParquetFileKept() throws IOException {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      store.append(days(2));
      store.sealDaysBefore(FIRST.plusDays(1));
    }
    Path backup = data.resolve(DayPartitions.FOLDER).resolve("my-backup.parquet");
    Files.write(backup, new byte[] {1, 2, 3});

    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      assertThat(Files.exists(backup)).isTrue();
    }
  }

  @Test
  void lostDatabaseAdoptsDayFiles() throws IOException {
    sealThreeDays();
    Files.delete(data.resolve(DuckDbCallStore.FILE_NAME));
    Files.deleteIfExists(data.resolve(DuckDbCallStore.FILE_NAME + ".wal"));

    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      assertThat(store.count()).isEqualTo(3L * PER_DAY);
    }
  }

  @Test
  void missingDayFileLeftOut() throws IOException {
    sealThreeDays();
    deleteDay("2026-11-02");

    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      assertThat(store.count()).isEqualTo(2L * PER_DAY);
    }
  }

  @Test
  void sealedBytesSkipMissingFile() throws IOException {
    sealThreeDays();
    deleteDay("2026-11-02");

    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      assertThat(store.sealedBytes()).isPositive();
    }
  }

  @Test
  void truncatedDayFileLeftOut() throws IOException {
    sealThreeDays();
    try (Stream<Path> files = Files.list(dayFolder("2026-11-03"))) {
      for (Path file : files.toList()) {
        Files.write(file, new byte[] {'P', 'A', 'R', '1', 0, 0});
      }
    }

    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      assertThat(store.count()).isEqualTo(2L * PER_DAY);
    }
  }

  @Test
  void missingDayFileDroppedByRetention() throws IOException {
    sealThreeDays();
    deleteDay("2026-11-01");

    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      store.dropDaysBefore(FIRST.plusDays(1));

      assertThat(store.sealedDays()).containsExactly(FIRST.plusDays(1), FIRST.plusDays(2));
    }
  }

  @Test
  void recordsBefore1970Sealed() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      store.append(
          List.of(
              record("old", Instant.parse("1969-12-31T12:00:00Z")),
              record("older", Instant.parse("1969-07-20T20:17:00Z"))));

      store.sealDaysBefore(LocalDate.parse("1970-01-02"));

      assertThat(store.count()).isEqualTo(2);
    }
  }

  private void sealThreeDays() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      store.append(days(3));
      store.sealDaysBefore(FIRST.plusDays(3));
    }
  }

  private Path dayFolder(String day) {
    return data.resolve(DayPartitions.FOLDER).resolve("day=" + day);
  }

  private void deleteDay(String day) throws IOException {
    try (Stream<Path> files = Files.list(dayFolder(day))) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
  }

  @Test
  void tableOfEarlierVersionBecomesHotTable() throws Exception {
    Path file = data.resolve(DuckDbCallStore.FILE_NAME);
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      store.append(days(1));
    }
    // An earlier version kept records in a table named calls and had no view.
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP VIEW " + CallsTable.NAME);
      statement.execute("ALTER TABLE " + CallsTable.HOT + " RENAME TO " + CallsTable.NAME);
    }

    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      assertThat(store.count()).isEqualTo(PER_DAY);
    }
  }

  @Test
  void appendsDuringSealAreKept() throws Exception {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      store.append(days(10));
      Thread writer =
          new Thread(
              () -> {
                for (int i = 0; i < 50; i++) {
                  store.append(List.of(record("new-" + i, DAY0.plus(Duration.ofDays(11)))));
                }
              });
      writer.start();
      store.sealDaysBefore(FIRST.plusDays(10));
      writer.join();

      assertThat(store.count()).isEqualTo(10L * PER_DAY + 50);
    }
  }
}
