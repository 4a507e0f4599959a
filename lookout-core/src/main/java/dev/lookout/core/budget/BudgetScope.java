package dev.lookout.core.budget;

import java.util.Locale;

/** What a budget limits: one Lookout key, one user, or one team. */
public enum BudgetScope {
  KEY,
  USER,
  TEAM;

  /** Returns the lower-case name used in configuration, metrics and messages. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a configured scope.
   *
   * @throws IllegalArgumentException if {@code value} is not key, user or team
   */
  public static BudgetScope parse(String value) {
    for (BudgetScope scope : values()) {
      if (scope.wireName().equals(value)) {
        return scope;
      }
    }
    throw new IllegalArgumentException(
        "budget scope must be key, user or team, got "
            + (value == null ? "none" : "'" + value + "'"));
  }
}
