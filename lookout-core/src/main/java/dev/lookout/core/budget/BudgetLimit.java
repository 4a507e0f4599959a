package dev.lookout.core.budget;

import java.math.BigDecimal;

/**
 * Spending limits of one key, user or team, in US dollars. A null limit means none for that period.
 *
 * @param softThreshold fraction of a limit (above 0, at most 1) at which an alert fires once per
 *     period, for example 0.8
 */
public record BudgetLimit(
    BudgetScope scope,
    String id,
    BigDecimal dailyUsd,
    BigDecimal monthlyUsd,
    BigDecimal softThreshold) {

  /** Alert threshold used when a budget names none. */
  public static final BigDecimal DEFAULT_SOFT_THRESHOLD = new BigDecimal("0.8");

  public BudgetLimit {
    String where =
        "budget for "
            + (scope == null ? "?" : scope.wireName())
            + (id == null ? " without an id" : " '" + id + "'");
    if (scope == null || id == null || id.isBlank()) {
      throw new IllegalArgumentException(where + " needs a scope (key, user or team) and an id");
    }
    if (dailyUsd == null && monthlyUsd == null) {
      throw new IllegalArgumentException(where + " needs daily_usd, monthly_usd or both");
    }
    requirePositive(where + ": daily_usd", dailyUsd);
    requirePositive(where + ": monthly_usd", monthlyUsd);
    if (softThreshold == null) {
      softThreshold = DEFAULT_SOFT_THRESHOLD;
    }
    if (softThreshold.signum() <= 0 || softThreshold.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          where + ": soft_threshold must be above 0 and at most 1, got " + softThreshold);
    }
  }

  /** Returns the limit for {@code period}, or null when there is none. */
  public BigDecimal limit(BudgetPeriod period) {
    return period == BudgetPeriod.DAILY ? dailyUsd : monthlyUsd;
  }

  /** Highest limit accepted, in US dollars: the store's DECIMAL(38,12) sums stay below it. */
  static final BigDecimal MAX_USD = new BigDecimal("1000000000000");

  private static void requirePositive(String setting, BigDecimal value) {
    if (value == null) {
      return;
    }
    // Checked before toPlainString, which would write out every digit of 1E+400.
    // The store keeps spend to 12 decimal places, so a smaller limit could never be compared.
    if (value.signum() <= 0
        || value.compareTo(MAX_USD) > 0
        || value.stripTrailingZeros().scale() > 12) {
      throw new IllegalArgumentException(
          setting
              + " must be a positive amount of US dollars up to "
              + MAX_USD.toPlainString()
              + " with at most 12 decimal places, got "
              + (value.compareTo(MAX_USD) > 0 || value.scale() > 40
                  ? value.toString()
                  : value.toPlainString()));
    }
  }
}
