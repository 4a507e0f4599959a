package dev.lookout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ResultTablesTest {
  private static PhaseResult phase(long micros, long count, long errors) {
    Histogram latency = LoadRunner.newHistogram();
    latency.recordValueWithCount(micros, count);
    Histogram firstChunk = LoadRunner.newHistogram();
    firstChunk.recordValueWithCount(micros / 2, count);
    return new PhaseResult(
        latency,
        firstChunk,
        errors,
        0,
        count + errors,
        Duration.ofSeconds(1),
        0,
        new ResourceSampler.Usage(50, 20, 2048, 3),
        Map.of());
  }

  /** Returns a case where direct takes {@code directMicros} and the gateway {@code viaMicros}. */
  static CaseResult caseOf(
      LoadCase loadCase, long directMicros, long viaMicros, long gatewayErrors) {
    Map<String, TargetTotals> totals = new LinkedHashMap<>();
    TargetTotals direct = new TargetTotals("direct");
    direct.add(phase(directMicros, 100, 0));
    TargetTotals gateway = new TargetTotals("lookout");
    gateway.add(phase(viaMicros, 100 - gatewayErrors, gatewayErrors));
    totals.put("direct", direct);
    totals.put("lookout", gateway);
    return new CaseResult(loadCase, totals, List.of());
  }

  /** Returns a case where direct had {@code directErrors} errors and the gateway none. */
  static CaseResult caseOfBaseline(
      LoadCase loadCase, long directMicros, long viaMicros, long directErrors) {
    Map<String, TargetTotals> totals = new LinkedHashMap<>();
    TargetTotals direct = new TargetTotals("direct");
    direct.add(phase(directMicros, 100 - directErrors, directErrors));
    TargetTotals gateway = new TargetTotals("lookout");
    gateway.add(phase(viaMicros, 100, 0));
    totals.put("direct", direct);
    totals.put("lookout", gateway);
    return new CaseResult(loadCase, totals, List.of());
  }

  @Test
  void addedShowsDifferencePerPercentile() {
    CaseResult result = caseOf(LoadCase.openLoop(false, 500), 1_000, 1_500, 0);

    String table = ResultTables.added(List.of(result), List.of("direct", "lookout"));

    assertThat(table)
        .contains("| plain 500/s | lookout | +0.500 | +0.500 | +0.500 | +0.500 |  |  | 100.0 | 0");
  }

  @Test
  void addedShowsFirstChunkForStreams() {
    CaseResult result = caseOf(LoadCase.openLoop(true, 500), 1_000, 1_500, 0);

    String table = ResultTables.added(List.of(result), List.of("direct", "lookout"));

    assertThat(table).contains("| +0.250 | +0.250 |");
  }

  @Test
  void rawShowsResources() {
    CaseResult result = caseOf(LoadCase.closedLoop(false), 1_000, 1_500, 1);

    String table = ResultTables.raw(List.of(result), List.of("direct", "lookout"));

    assertThat(table).contains("| plain concurrency 1 | lookout | 1.500 |");
    assertThat(table).contains("| 99 | 1 | 0 |");
    assertThat(table).contains("| 50 | 20 | 2 | 3 |");
  }

  @Test
  void frontierTableNamesEachThreshold() {
    List<CaseResult> cases = List.of(caseOf(LoadCase.openLoop(false, 500), 1_000, 3_000, 0));

    String table = ResultTables.frontier(cases, List.of("direct", "lookout"), List.of(false));

    assertThat(table).contains("| lookout | plain | below lowest rate | 500 | 500 |");
  }
}
