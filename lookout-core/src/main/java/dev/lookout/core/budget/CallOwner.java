package dev.lookout.core.budget;

/**
 * Who pays for a call: the Lookout key it came with, its user and the team they belong to. Any part
 * may be null.
 */
public record CallOwner(String keyId, String userId, String teamId) {

  /** Returns the owner's id in {@code scope}, or null. */
  public String idIn(BudgetScope scope) {
    switch (scope) {
      case KEY:
        return keyId;
      case USER:
        return userId;
      default:
        return teamId;
    }
  }
}
