package dev.lookout.core.budget;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A budget whose limit (or soft threshold) was reached.
 *
 * @param spentUsd spend in the period so far
 * @param resetsAt when the period ends and the spend starts again from zero
 */
public record BudgetBreach(
    BudgetLimit budget,
    BudgetPeriod period,
    BigDecimal limitUsd,
    BigDecimal spentUsd,
    Instant resetsAt) {

  /** Returns a message for the client: which budget, how much, and when it resets. */
  public String message() {
    return "The "
        + period.wireName()
        + " budget of "
        + limitUsd.toPlainString()
        + " USD for "
        + budget.scope().wireName()
        + " '"
        + budget.id()
        + "' is spent ("
        + spentUsd.stripTrailingZeros().toPlainString()
        + " USD used); it resets at "
        + resetsAt
        + ". Raise the limit in lookout.yaml under budgets, or wait for the reset.";
  }
}
