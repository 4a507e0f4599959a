package dev.lookout.store.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.RequestIds;
import dev.lookout.store.TestRecords;
import dev.lookout.store.duckdb.DuckDbCallStore;
import dev.lookout.store.payload.PayloadKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports read back through DuckDB's own Parquet and JSON readers. */
class ExporterTest {
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

  @TempDir Path data;
  @TempDir Path out;
  private DuckDbCallStore store;

  @BeforeEach
  void fill() {
    store = DuckDbCallStore.open(data);
    List<CallRecord> records = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      Instant time = START.plus(Duration.ofHours(i * 3L));
      CallRecord full = TestRecords.full(RequestIds.next());
      records.add(
          new CallRecord(
              full.requestId(),
              time,
              full.endpoint(),
              full.provider(),
              full.model(),
              full.responseModel(),
              full.promptTemplate(),
              full.templateVersion(),
              full.promptHash(),
              full.inputTokens() + i,
              full.outputTokens(),
              full.cachedInputTokens(),
              full.cacheWriteTokens(),
              full.reasoningTokens(),
              full.usageSource(),
              full.costUsd(),
              full.priced(),
              full.latencyMs() + i,
              i % 2 == 0 ? null : full.ttftMs(),
              full.stream(),
              full.status(),
              full.httpStatus(),
              full.errorType(),
              full.errorMessage(),
              full.userId(),
              full.apiKeyId(),
              full.experimentId(),
              full.variant(),
              full.guardActions(),
              full.metadata()));
    }
    store.append(records);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private long scalar(String sql) {
    return store.withConnection(
        sql,
        connection -> {
          try (Statement statement = connection.createStatement();
              ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }

  private String parquet(Path folder) {
    return "read_parquet('" + folder + "/**/*.parquet', hive_partitioning = true)";
  }

  @Test
  void parquetRoundTripsEveryRow() {
    Path folder = out.resolve("calls");
    long rows =
        new Exporter(store)
            .export(START, START.plus(Duration.ofDays(30)), ExportFormat.PARQUET, false, folder);

    assertThat(rows).isEqualTo(120);
    assertThat(scalar("SELECT count(*) FROM " + parquet(folder))).isEqualTo(120);
    assertThat(
            scalar(
                "SELECT count(*) FROM (SELECT * FROM calls EXCEPT SELECT * EXCLUDE (date) FROM "
                    + parquet(folder)
                    + ")"))
        .isZero();
    assertThat(
            scalar(
                "SELECT count(*) FROM (SELECT * EXCLUDE (date) FROM "
                    + parquet(folder)
                    + " EXCEPT SELECT * FROM calls)"))
        .isZero();
  }

  @Test
  void sealedDaysExportEveryRow() {
    store.sealDaysBefore(LocalDate.parse("2026-11-10"));
    Path folder = out.resolve("sealed");

    long rows =
        new Exporter(store)
            .export(START, START.plus(Duration.ofDays(30)), ExportFormat.PARQUET, false, folder);

    assertThat(rows).isEqualTo(120);
  }

  @Test
  void parquetIsPartitionedByDay() {
    Path folder = out.resolve("calls");
    new Exporter(store)
        .export(START, START.plus(Duration.ofDays(30)), ExportFormat.PARQUET, false, folder);

    // 120 calls 3 hours apart span 15 days.
    assertThat(Exporter.files(folder)).hasSize(15);
    assertThat(Files.isDirectory(folder.resolve("date=2026-11-01"))).isTrue();
  }

  @Test
  void rangeEndIsExclusive() {
    Path folder = out.resolve("calls");
    long rows =
        new Exporter(store)
            .export(START, START.plus(Duration.ofDays(1)), ExportFormat.PARQUET, false, folder);

    assertThat(rows).isEqualTo(8);
  }

  @Test
  void payloadKeyMatchesStoreKey() {
    Path folder = out.resolve("calls");
    new Exporter(store)
        .export(START, START.plus(Duration.ofDays(30)), ExportFormat.PARQUET, true, folder);
    String requestId = store.recent(1).get(0).requestId();

    String key =
        store.withConnection(
            "payload key",
            connection -> {
              try (Statement statement = connection.createStatement();
                  ResultSet rows =
                      statement.executeQuery(
                          "SELECT payload_key FROM "
                              + parquet(folder)
                              + " WHERE request_id = '"
                              + requestId
                              + "'")) {
                rows.next();
                return rows.getString(1);
              }
            });
    assertThat(key).isEqualTo(PayloadKeys.of(requestId));
  }

  @Test
  void jsonlRoundTripsEveryRow() {
    Path folder = out.resolve("jsonl");
    new Exporter(store)
        .export(START, START.plus(Duration.ofDays(30)), ExportFormat.JSONL, false, folder);

    assertThat(
            scalar(
                "SELECT count(*) FROM read_json('"
                    + folder
                    + "/**/*.json', format = 'newline_delimited')"))
        .isEqualTo(120);
  }

  @Test
  void nonEmptyFolderIsRejected() throws Exception {
    Files.writeString(out.resolve("old.parquet"), "x");

    assertThatThrownBy(
            () ->
                new Exporter(store)
                    .export(START, START.plusSeconds(1), ExportFormat.PARQUET, false, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not empty");
  }
}
