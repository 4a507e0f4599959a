package dev.lookout.bench;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The throughput frontier: the highest request rate up to which a gateway's added p99 latency stays
 * under a threshold.
 */
final class Frontier {
  private Frontier() {}

  /**
   * Returns the highest rate of the open-loop cases of one kind such that, at that rate and every
   * lower measured rate, {@code target} had no error and no unsent request and its p99 minus the
   * baseline's p99 was under {@code thresholdMillis}. Empty when even the lowest rate fails.
   */
  static OptionalDouble highestRate(
      List<CaseResult> cases,
      String baseline,
      String target,
      boolean stream,
      double thresholdMillis) {
    OptionalDouble highest = OptionalDouble.empty();
    List<CaseResult> rising =
        cases.stream()
            .filter(c -> !c.loadCase().isClosedLoop() && c.loadCase().stream() == stream)
            .sorted(
                (a, b) ->
                    Double.compare(a.loadCase().ratePerSecond(), b.loadCase().ratePerSecond()))
            .toList();
    for (CaseResult result : rising) {
      TargetTotals gateway = result.totals(target);
      TargetTotals direct = result.totals(baseline);
      if (gateway == null || direct == null || !gateway.clean()) {
        break;
      }
      double added = gateway.percentileMillis(99) - direct.percentileMillis(99);
      if (!(added < thresholdMillis)) {
        break;
      }
      highest = OptionalDouble.of(result.loadCase().ratePerSecond());
    }
    return highest;
  }
}
