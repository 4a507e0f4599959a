package dev.lookout.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.store.duckdb.DuckDbCallStore;
import dev.lookout.store.duckdb.DuckDbDashboardQueries;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's queries over known records in a real DuckDB file. */
class DashboardQueriesTest {
  private static final Instant HOUR = Instant.parse("2026-01-01T10:00:00Z");

  @TempDir Path dataDir;
  private DuckDbCallStore store;
  private DashboardQueries queries;

  @BeforeEach
  void fill() {
    store = DuckDbCallStore.open(dataDir);
    queries = new DuckDbDashboardQueries(store);
    List<CallRecord> records = new ArrayList<>();
    // Bucket 10:00: three calls, one error; bucket 10:05: one call blocked by the injection guard.
    records.add(call("a", HOUR.plusSeconds(10), "gpt", CallStatus.SUCCESS, "0.5", 100, null));
    records.add(call("b", HOUR.plusSeconds(20), "gpt", CallStatus.ERROR, null, 300, null));
    records.add(
        call(
            "c",
            HOUR.plusSeconds(30),
            "claude",
            CallStatus.SUCCESS,
            "0.25",
            200,
            "[{\"guard\":\"pii\",\"direction\":\"input\",\"action\":\"redact\","
                + "\"reasons\":[\"pii:EMAIL\",\"pii:PHONE\"]}]"));
    records.add(
        call(
            "d",
            HOUR.plusSeconds(330),
            "gpt",
            CallStatus.FILTERED,
            null,
            5,
            "[{\"guard\":\"injection\",\"direction\":\"input\",\"action\":\"block\","
                + "\"reasons\":[\"injection:score=0.98\"]}]"));
    store.append(records);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static CallRecord call(
      String id,
      Instant at,
      String model,
      CallStatus status,
      String cost,
      double latency,
      String guards) {
    return CallRecord.builder()
        .requestId(id)
        .timestamp(at)
        .model(model)
        .status(status)
        .httpStatus(status == CallStatus.SUCCESS ? 200 : 400)
        .costUsd(cost == null ? null : new BigDecimal(cost))
        .latencyMs(latency)
        .userId(id.equals("a") ? "alice" : "bob")
        .guardActions(guards)
        .build();
  }

  @Test
  void timeSeriesBucketsByInterval() {
    List<TimeBucket> buckets = queries.timeSeries(HOUR.minusSeconds(60), Duration.ofMinutes(5));
    assertThat(buckets).extracting(TimeBucket::start).containsExactly(HOUR, HOUR.plusSeconds(300));
    assertThat(buckets.get(0).calls()).isEqualTo(3);
    assertThat(buckets.get(0).errors()).isEqualTo(1);
    assertThat(buckets.get(0).costUsd()).isEqualByComparingTo("0.75");
    assertThat(buckets.get(0).p50Ms()).isEqualTo(200.0);
  }

  @Test
  void timeSeriesSkipsOlderCalls() {
    List<TimeBucket> buckets = queries.timeSeries(HOUR.plusSeconds(60), Duration.ofMinutes(1));
    assertThat(buckets).hasSize(1);
  }

  @Test
  void callsNewestFirst() {
    List<CallRecord> calls = queries.calls(filter(null, null, null, 10));
    assertThat(calls).extracting(CallRecord::requestId).containsExactly("d", "c", "b", "a");
  }

  @Test
  void callsFilterByModelAndStatus() {
    assertThat(queries.calls(filter("gpt", "success", null, 10)))
        .extracting(CallRecord::requestId)
        .containsExactly("a");
  }

  @Test
  void callsPageAfterCursor() {
    assertThat(queries.calls(filter(null, null, "c", 2)))
        .extracting(CallRecord::requestId)
        .containsExactly("b", "a");
  }

  @Test
  void guardCountsGroupReasons() {
    List<GuardCount> counts = queries.guardCounts(HOUR, Duration.ofMinutes(5));
    assertThat(counts)
        .extracting(GuardCount::reason)
        .containsExactly("pii:EMAIL", "pii:PHONE", "injection:score");
    assertThat(counts.get(2).action()).isEqualTo("block");
    assertThat(counts.get(2).start()).isEqualTo(HOUR.plusSeconds(300));
  }

  private static CallFilter filter(String model, String status, String before, int limit) {
    return new CallFilter(null, null, model, status, null, null, null, before, limit);
  }
}
