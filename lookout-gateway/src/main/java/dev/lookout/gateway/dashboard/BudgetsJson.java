package dev.lookout.gateway.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.core.budget.BudgetLedger;
import dev.lookout.core.budget.BudgetLimit;
import dev.lookout.core.budget.BudgetPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The budgets page's JSON: every configured budget with its spend in the current UTC day and month,
 * read from the gateway's ledger (the same numbers it enforces).
 */
final class BudgetsJson {
  private BudgetsJson() {}

  static String write(BudgetLedger ledger, Instant now) {
    ObjectNode root = DashboardJson.MAPPER.createObjectNode();
    root.put("configured", ledger.enabled());
    root.put("as_of", now.toString());
    ArrayNode array = root.putArray("budgets");
    List<BudgetLimit> budgets = ledger.budgets();
    budgets.sort(
        Comparator.comparing((BudgetLimit b) -> b.scope().ordinal())
            .thenComparing(BudgetLimit::id));
    for (BudgetLimit budget : budgets) {
      ObjectNode node = array.addObject();
      node.put("scope", budget.scope().wireName());
      node.put("id", budget.id());
      node.put("soft_threshold", budget.softThreshold().doubleValue());
      for (BudgetPeriod period : BudgetPeriod.values()) {
        ObjectNode entry = node.putObject(period.wireName());
        BigDecimal limit = budget.limit(period);
        BigDecimal spent = ledger.spent(budget.scope(), budget.id(), period, now);
        entry.put("spent_usd", DashboardJson.cost(spent));
        if (limit == null) {
          entry.putNull("limit_usd");
          entry.putNull("used");
        } else {
          entry.put("limit_usd", DashboardJson.cost(limit));
          entry.put("used", spent.doubleValue() / limit.doubleValue());
        }
        entry.put("resets_at", period.resetAfter(now).toString());
      }
    }
    return DashboardJson.write(root);
  }
}
