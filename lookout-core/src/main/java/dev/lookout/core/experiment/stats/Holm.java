package dev.lookout.core.experiment.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Holm's step-down correction for multiple comparisons, which controls the family-wise error rate
 * (the chance of any false positive) under any dependence between the tests. The i-th smallest of m
 * p-values is multiplied by {@code m - i + 1} (i from 1), running maxima keep the order, and
 * results are capped at 1.
 */
public final class Holm {
  private Holm() {}

  /** Returns the adjusted p-values in the order of {@code pValues}; NaN entries stay NaN. */
  public static List<Double> adjust(List<Double> pValues) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < pValues.size(); i++) {
      if (!Double.isNaN(pValues.get(i))) {
        order.add(i);
      }
    }
    order.sort(Comparator.comparingDouble(pValues::get));
    List<Double> adjusted = new ArrayList<>(pValues);
    int m = order.size();
    double running = 0;
    for (int rank = 0; rank < m; rank++) {
      int index = order.get(rank);
      running = Math.max(running, Math.min(1, (m - rank) * pValues.get(index)));
      adjusted.set(index, running);
    }
    return adjusted;
  }
}
