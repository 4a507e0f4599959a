package dev.lookout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class TargetCheckTest {
  private static final List<String> TARGETS = List.of("direct", "lookout");

  private static PhaseResult phase(long micros, long errors) {
    Histogram latency = LoadRunner.newHistogram();
    latency.recordValueWithCount(micros, 100);
    return new PhaseResult(
        latency,
        LoadRunner.newHistogram(),
        errors,
        0,
        100 + errors,
        Duration.ofSeconds(1),
        0,
        new ResourceSampler.Usage(50, 20, 400 * 1024, 5000),
        Map.of());
  }

  /**
   * Builds a case of two rounds: direct at 1 ms, the gateway at 1 ms plus each round's added time.
   */
  private static CaseResult twoRounds(LoadCase loadCase, long addedFirst, long addedSecond) {
    PhaseResult direct = phase(1_000, 0);
    PhaseResult first = phase(1_000 + addedFirst, 0);
    PhaseResult second = phase(1_000 + addedSecond, 0);
    Map<String, TargetTotals> totals = new LinkedHashMap<>();
    totals.put("direct", new TargetTotals("direct"));
    totals.get("direct").add(direct);
    totals.get("direct").add(direct);
    totals.put("lookout", new TargetTotals("lookout"));
    totals.get("lookout").add(first);
    totals.get("lookout").add(second);
    return new CaseResult(
        loadCase,
        totals,
        List.of(
            new CaseResult.PhaseRow(1, "direct", direct),
            new CaseResult.PhaseRow(1, "lookout", first),
            new CaseResult.PhaseRow(2, "lookout", second),
            new CaseResult.PhaseRow(2, "direct", direct)));
  }

  @Test
  void perRoundPairsPhasesOfOneRound() {
    CaseResult result = twoRounds(LoadCase.openLoop(false, 1000), 200, 1_500);

    assertThat(TargetCheck.perRoundAddedP99(result, "direct", "lookout").get(1))
        .isCloseTo(1.501, org.assertj.core.data.Offset.offset(0.0005));
  }

  @Test
  void slowRoundIsReported() {
    CaseResult result = twoRounds(LoadCase.openLoop(false, 1000), 200, 300);

    String table = TargetCheck.table(List.of(result), TARGETS, List.of());

    assertThat(table).contains("| added p99 < 1 ms, plain 1000/s | +0.300 ms over all rounds");
  }

  @Test
  void targetMissedSaysNo() {
    CaseResult result = twoRounds(LoadCase.openLoop(false, 1000), 1_200, 1_400);

    String table = TargetCheck.table(List.of(result), TARGETS, List.of());

    assertThat(table).contains("per round +1.201, +1.401 | no |");
  }

  @Test
  void missingCaseIsNotRun() {
    String table = TargetCheck.table(List.of(), TARGETS, List.of());

    assertThat(table).contains("| added p99 < 1 ms, plain concurrency 1 | not run | n/a |");
  }

  @Test
  void gatewayErrorsFailCleanRow() {
    CaseResult result = ResultTablesTest.caseOf(LoadCase.openLoop(false, 2000), 1_000, 1_100, 3);

    String table = TargetCheck.table(List.of(result), TARGETS, List.of());

    assertThat(table)
        .contains(
            "failed in plain 2000/s (3 errors, 0 unsent); no saturation up to the highest rate | no |");
  }

  @Test
  void errorsAboveSaturationPass() {
    CaseResult result = ResultTablesTest.caseOf(LoadCase.openLoop(false, 4000), 1_000, 1_100, 40);

    String table = TargetCheck.table(List.of(result), TARGETS, List.of());

    assertThat(table).contains("saturated from plain 4000/s (60 req/s against 100 direct) | yes |");
  }

  @Test
  void errorsBelowSaturationFail() {
    CaseResult low = ResultTablesTest.caseOf(LoadCase.openLoop(false, 1000), 1_000, 1_100, 2);
    CaseResult high = ResultTablesTest.caseOf(LoadCase.openLoop(false, 4000), 1_000, 1_100, 40);

    String table = TargetCheck.table(List.of(high, low), TARGETS, List.of());

    assertThat(table).contains("failed in plain 1000/s (2 errors, 0 unsent)");
  }

  @Test
  void memoryUnderLimitIsMet() {
    ResultTables.OpenStreamsResult streams =
        new ResultTables.OpenStreamsResult("lookout", phase(1_000, 0));

    String table = TargetCheck.table(List.of(), TARGETS, List.of(streams));

    assertThat(table)
        .contains("peak 400 MiB; 5000 of 100 streams open at once, 100 ok, 0 errors | yes |");
  }
}
