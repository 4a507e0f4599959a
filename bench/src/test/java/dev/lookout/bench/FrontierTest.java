package dev.lookout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrontierTest {
  private static CaseResult plain(double rate, long viaMicros, long errors) {
    return ResultTablesTest.caseOf(LoadCase.openLoop(false, rate), 1_000, viaMicros, errors);
  }

  @Test
  void highestRateUnderThreshold() {
    List<CaseResult> cases =
        List.of(plain(500, 1_400, 0), plain(1000, 1_800, 0), plain(2000, 4_000, 0));

    assertThat(Frontier.highestRate(cases, "direct", "lookout", false, 1.0)).hasValue(1000);
  }

  @Test
  void errorsEndTheFrontier() {
    List<CaseResult> cases = List.of(plain(500, 1_400, 0), plain(1000, 1_400, 3));

    assertThat(Frontier.highestRate(cases, "direct", "lookout", false, 1.0)).hasValue(500);
  }

  @Test
  void laterRecoveryDoesNotCount() {
    List<CaseResult> cases =
        List.of(plain(500, 1_400, 0), plain(1000, 9_000, 0), plain(2000, 1_400, 0));

    assertThat(Frontier.highestRate(cases, "direct", "lookout", false, 1.0)).hasValue(500);
  }

  @Test
  void otherKindIsIgnored() {
    List<CaseResult> cases = List.of(plain(500, 1_400, 0));

    assertThat(Frontier.highestRate(cases, "direct", "lookout", true, 1.0)).isEmpty();
  }

  @Test
  void closedLoopIsIgnored() {
    List<CaseResult> cases =
        List.of(ResultTablesTest.caseOf(LoadCase.closedLoop(false), 1_000, 1_100, 0));

    assertThat(Frontier.highestRate(cases, "direct", "lookout", false, 1.0)).isEmpty();
  }

  @Test
  void saturatedBaselineSkipsHigherRates() {
    CaseResult failed =
        ResultTablesTest.caseOfBaseline(LoadCase.openLoop(false, 1000), 1_000, 1_100, 5);

    assertThat(
            OverheadBenchmark.baselineSaturated(
                List.of(failed), "direct", LoadCase.openLoop(false, 2000)))
        .isTrue();
    assertThat(
            OverheadBenchmark.baselineSaturated(
                List.of(failed), "direct", LoadCase.openLoop(true, 2000)))
        .isFalse();
  }

  @Test
  void cleanBaselineSkipsNothing() {
    assertThat(
            OverheadBenchmark.baselineSaturated(
                List.of(plain(500, 9_000, 3)), "direct", LoadCase.openLoop(false, 1000)))
        .isFalse();
  }
}
