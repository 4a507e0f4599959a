package dev.lookout.store.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.store.duckdb.DuckDbCallStore;
import dev.lookout.store.payload.LocalPayloadStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention over 90 days of records and 40 days of payloads. */
class RetentionTest {
  private static final Instant NOW = Instant.parse("2026-12-04T18:00:00Z");
  private static final int RECORDS_PER_DAY = 50;

  @TempDir java.nio.file.Path data;
  private DuckDbCallStore records;
  private LocalPayloadStore payloads;

  @BeforeEach
  void fill() {
    records = DuckDbCallStore.open(data);
    payloads = new LocalPayloadStore(LocalPayloadStore.folderIn(data));
    List<CallRecord> batch = new ArrayList<>();
    for (int day = 0; day < 90; day++) {
      for (int i = 0; i < RECORDS_PER_DAY; i++) {
        Instant time = NOW.minus(Duration.ofDays(day)).minusSeconds(i * 60L);
        batch.add(
            CallRecord.builder()
                .requestId("r-" + day + "-" + i)
                .timestamp(time)
                .status(CallStatus.SUCCESS)
                .httpStatus(200)
                .build());
      }
    }
    records.append(batch);
    for (int day = 0; day < 40; day++) {
      LocalDate date = LocalDate.parse("2026-12-04").minusDays(day);
      for (int i = 0; i < 3; i++) {
        payloads.put(date + "/1" + i + "/p" + i + ".json.gz", new byte[] {1, 2, 3});
      }
    }
  }

  @AfterEach
  void close() {
    records.close();
  }

  private static Retention retention(String records, String payloads) {
    return new Retention(
        new RetentionPolicy(
            records == null ? null : Duration.parse(records),
            payloads == null ? null : Duration.parse(payloads)));
  }

  @Test
  void recordsBeforeFirstKeptDayAreDeleted() {
    RetentionResult result = retention("P30D", null).apply(records, payloads, NOW, false);

    assertThat(result.recordsBefore()).isEqualTo(LocalDate.parse("2026-11-04"));
    assertThat(records.countBefore(Instant.parse("2026-11-04T00:00:00Z"))).isZero();
    assertThat(result.records()).isEqualTo(59L * RECORDS_PER_DAY);
  }

  @Test
  void recordsOfKeptDaysStay() {
    retention("P30D", null).apply(records, payloads, NOW, false);

    // Days 0 to 30 back: 2026-11-04 is the first day kept, and its records are after midnight.
    assertThat(records.count()).isEqualTo(31L * RECORDS_PER_DAY);
  }

  @Test
  void keptRecordDaysStartAtFirstKeptDay() {
    retention("P30D", null).apply(records, payloads, NOW, false);

    assertThat(records.sealedDays().get(0)).isEqualTo(LocalDate.parse("2026-11-04"));
  }

  @Test
  void finishedDaysAreSealed() {
    retention("P30D", null).apply(records, payloads, NOW, false);

    // 2026-11-04 to 2026-12-03; the day of NOW stays in the table.
    assertThat(records.sealedDays()).hasSize(30);
  }

  @Test
  void sealedBytesShrink() {
    retention("P400D", null).apply(records, payloads, NOW, false);
    long before = records.sealedBytes();

    retention("P30D", null).apply(records, payloads, NOW, false);

    assertThat(records.sealedBytes()).isLessThan(before);
  }

  @Test
  void firstHotDayWaitsAnHourAfterMidnight() {
    assertThat(Retention.firstHotDay(Instant.parse("2026-12-04T00:30:00Z")))
        .isEqualTo(LocalDate.parse("2026-12-03"));
  }

  @Test
  void payloadDaysAreDeletedWhole() {
    RetentionResult result = retention(null, "P10D").apply(records, payloads, NOW, false);

    assertThat(result.payloadDays()).hasSize(29);
    assertThat(result.payloadObjects()).isEqualTo(29 * 3);
    assertThat(payloads.days()).hasSize(11);
    assertThat(payloads.days().get(0)).isEqualTo(LocalDate.parse("2026-11-24"));
  }

  @Test
  void dryRunDeletesNothing() {
    RetentionResult result = retention("P30D", "P10D").apply(records, payloads, NOW, true);

    assertThat(result.records()).isEqualTo(59L * RECORDS_PER_DAY);
    assertThat(result.payloadDays()).hasSize(29);
    assertThat(records.count()).isEqualTo(90L * RECORDS_PER_DAY);
    assertThat(payloads.days()).hasSize(40);
  }

  @Test
  void keepForeverDeletesNothing() {
    RetentionResult result = retention(null, null).apply(records, payloads, NOW, false);

    assertThat(result.records()).isZero();
    assertThat(records.count()).isEqualTo(90L * RECORDS_PER_DAY);
    assertThat(payloads.days()).hasSize(40);
  }
}
