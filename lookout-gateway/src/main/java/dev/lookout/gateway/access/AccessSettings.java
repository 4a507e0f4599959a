package dev.lookout.gateway.access;

import dev.lookout.core.budget.BudgetLedger;
import dev.lookout.core.budget.KeyRing;
import java.net.URI;
import java.util.List;

/**
 * Lookout keys, budgets and the alert webhook of one gateway.
 *
 * @param webhook URL that receives soft-limit alerts, or null
 */
public record AccessSettings(KeyRing keys, BudgetLedger ledger, URI webhook) {
  /** Returns settings with no keys, no budgets and no webhook. */
  public static AccessSettings none() {
    return new AccessSettings(KeyRing.open(), new BudgetLedger(List.of()), null);
  }
}
