package dev.lookout.store.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.store.TestRecords;
import dev.lookout.store.duckdb.DuckDbCallStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports computed by DuckDB over known records, checked against values computed here. */
class ReportSqlTest {
  private static final double[] GPT_LATENCIES = {120, 80, 300, 95.5, 210, 150, 1000};

  @TempDir Path dataDir;
  private final List<CallRecord> records = new ArrayList<>();

  @BeforeEach
  void createRecords() {
    for (int i = 0; i < GPT_LATENCIES.length; i++) {
      CallStatus status = i % 3 == 0 ? CallStatus.ERROR : CallStatus.SUCCESS;
      records.add(
          TestRecords.call(
              "gpt-" + i, "gpt", status, 100 + i, 10 + i, "0.000000100003", GPT_LATENCIES[i]));
    }
    records.add(TestRecords.call("claude-0", "claude", CallStatus.SUCCESS, 5, 6, "0.25", 40));
    records.add(TestRecords.call("claude-1", "claude", CallStatus.TIMEOUT, 7, 8, null, 60));
    records.add(TestRecords.call("none-0", null, CallStatus.FILTERED, 0, 0, null, 2));
  }

  private Report report(GroupBy by) {
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      store.append(records);
      return store.report(new ReportQuery(null, by));
    }
  }

  private static ReportGroup group(Report report, String key) {
    return report.groups().stream().filter(g -> g.key().equals(key)).findFirst().orElseThrow();
  }

  /** Linear interpolation between closest ranks, the definition of DuckDB's quantile_cont. */
  private static double percentile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double rank = q * (sorted.length - 1);
    int lower = (int) Math.floor(rank);
    int upper = (int) Math.ceil(rank);
    return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
  }

  @Test
  void groupsOrderedByCost() {
    assertThat(report(GroupBy.MODEL).groups())
        .extracting(ReportGroup::key)
        .containsExactly("claude", "gpt", ReportGroup.NONE_KEY);
  }

  @Test
  void costSumIsExact() {
    assertThat(group(report(GroupBy.MODEL), "gpt").costUsd())
        .isEqualByComparingTo(new BigDecimal("0.000000700021"));
  }

  @Test
  void totalCostIsExact() {
    assertThat(report(GroupBy.MODEL).total().costUsd())
        .isEqualByComparingTo(new BigDecimal("0.250000700021"));
  }

  @Test
  void tokensSummed() {
    ReportGroup gpt = group(report(GroupBy.MODEL), "gpt");

    assertThat(gpt.inputTokens()).isEqualTo(721);
    assertThat(gpt.outputTokens()).isEqualTo(91);
  }

  @Test
  void errorsCountNonSuccess() {
    Report report = report(GroupBy.MODEL);

    assertThat(group(report, "gpt").errors()).isEqualTo(3);
    assertThat(group(report, "claude").errors()).isEqualTo(1);
    assertThat(report.total().errors()).isEqualTo(5);
  }

  @Test
  void callsCounted() {
    Report report = report(GroupBy.MODEL);

    assertThat(group(report, "gpt").calls()).isEqualTo(7);
    assertThat(report.total().calls()).isEqualTo(10);
  }

  @Test
  void percentilesMatchLinearInterpolation() {
    ReportGroup gpt = group(report(GroupBy.MODEL), "gpt");

    assertThat(gpt.p50Ms()).isEqualTo(percentile(GPT_LATENCIES, 0.50));
    assertThat(gpt.p95Ms()).isCloseTo(percentile(GPT_LATENCIES, 0.95), within());
    assertThat(gpt.p99Ms()).isCloseTo(percentile(GPT_LATENCIES, 0.99), within());
  }

  @Test
  void totalPercentilesCoverAllCalls() {
    double[] all = records.stream().mapToDouble(CallRecord::latencyMs).toArray();

    assertThat(report(GroupBy.MODEL).total().p95Ms()).isCloseTo(percentile(all, 0.95), within());
  }

  @Test
  void groupByStatusUsesWireNames() {
    assertThat(report(GroupBy.STATUS).groups())
        .extracting(ReportGroup::key)
        .containsExactlyInAnyOrder("success", "error", "timeout", "filtered");
  }

  @Test
  void nullTemplateReportedAsNone() {
    assertThat(report(GroupBy.TEMPLATE).groups())
        .extracting(ReportGroup::key)
        .containsExactly(ReportGroup.NONE_KEY);
  }

  @Test
  void sinceExcludesOlderCalls() {
    CallRecord later =
        CallRecord.builder()
            .requestId("later")
            .timestamp(TestRecords.T0.plusSeconds(60))
            .model("gpt")
            .status(CallStatus.SUCCESS)
            .latencyMs(5)
            .build();
    records.add(later);
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      store.append(records);
      Report report = store.report(new ReportQuery(later.timestamp(), GroupBy.MODEL));

      assertThat(report.total().calls()).isEqualTo(1);
    }
  }

  @Test
  void emptyReportHasNaNPercentiles() {
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      Report report = store.report(new ReportQuery(null, GroupBy.USER));

      assertThat(report.groups()).isEmpty();
      assertThat(report.total().calls()).isZero();
      assertThat(report.total().p50Ms()).isNaN();
      assertThat(report.total().costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
    }
  }

  private static Offset<Double> within() {
    return Offset.offset(1e-9);
  }
}
