package dev.lookout.bench;

import java.util.List;
import java.util.Map;

/**
 * Results of one case: totals per target, in target order, and every recorded phase in run order.
 */
record CaseResult(LoadCase loadCase, Map<String, TargetTotals> totals, List<PhaseRow> phases) {
  /** One recorded phase, for the per-phase table. */
  record PhaseRow(int round, String target, PhaseResult result) {}

  TargetTotals totals(String target) {
    return totals.get(target);
  }
}
