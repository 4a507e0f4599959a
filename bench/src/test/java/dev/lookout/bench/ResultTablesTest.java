package dev.lookout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ResultTablesTest {
  private static PhaseResult phase(long micros, long count, long errors) {
    Histogram histogram = ConstantRateLoad.newHistogram();
    histogram.recordValueWithCount(micros, count);
    return new PhaseResult(histogram, errors, 0, count + errors, Duration.ofSeconds(1), 0);
  }

  @Test
  void summaryShowsAddedLatencyPerPercentile() {
    TargetTotals direct = new TargetTotals(OverheadBenchmark.DIRECT);
    TargetTotals gateway = new TargetTotals(OverheadBenchmark.GATEWAY);
    direct.add(phase(1_000, 100, 0));
    gateway.add(phase(1_500, 99, 1));

    String table = ResultTables.summary(direct, gateway);

    assertThat(table).contains("| p50 | 1.000 | 1.500 | +0.500 |");
    assertThat(table).contains("| p99 | 1.000 | 1.500 | +0.500 |");
    assertThat(table).contains("| max | 1.000 | 1.500 | +0.500 |");
    assertThat(table).contains("| errors | 0 | 1 |");
    assertThat(table).contains("| succeeded | 100 | 99 |");
    assertThat(table).contains("| achieved throughput (req/s) | 100.0 | 99.0 |");
  }

  @Test
  void summaryNotesLateSends() {
    TargetTotals direct = new TargetTotals(OverheadBenchmark.DIRECT);
    TargetTotals gateway = new TargetTotals(OverheadBenchmark.GATEWAY);
    direct.add(phase(1_000, 10, 0));
    Histogram histogram = ConstantRateLoad.newHistogram();
    histogram.recordValue(1_000);
    gateway.add(new PhaseResult(histogram, 0, 0, 1, Duration.ofSeconds(1), 50_000_000));

    assertThat(ResultTables.summary(direct, gateway)).contains("sent some requests late");
    assertThat(ResultTables.summary(direct, direct)).doesNotContain("sent some requests late");
  }

  @Test
  void totalsSumPhasesAcrossRounds() {
    TargetTotals totals = new TargetTotals(OverheadBenchmark.DIRECT);
    totals.add(phase(1_000, 10, 2));
    totals.add(phase(3_000, 10, 0));

    assertThat(totals.succeeded()).isEqualTo(20);
    assertThat(totals.errors()).isEqualTo(2);
    assertThat(totals.scheduled()).isEqualTo(22);
    assertThat(totals.maxMillis()).isEqualTo(3.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(totals.throughputPerSecond()).isEqualTo(10.0);
  }

  @Test
  void roundsTableHasOneLinePerPhase() {
    String table =
        ResultTables.rounds(
            List.of(
                new ResultTables.RoundRow(1, OverheadBenchmark.DIRECT, phase(1_000, 5, 0)),
                new ResultTables.RoundRow(1, OverheadBenchmark.GATEWAY, phase(2_000, 5, 0))));

    assertThat(table.lines()).hasSize(4);
    assertThat(table).contains("| 1 | direct | 5 | 0 | 0 | 1.000 | 1.000 | 1.000 | 5.0 |");
  }
}
