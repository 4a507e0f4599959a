package dev.lookout.core.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spend per key, user and team for the current day and month, checked against the configured
 * limits. Thread-safe: the gateway's event loops check and add concurrently.
 *
 * <p>A call is checked before it is sent and charged when its cost is known, so calls already in
 * flight when a limit is reached can take the spend past it. The overshoot is at most the cost of
 * those calls.
 */
public final class BudgetLedger {
  private final Map<BudgetScope, Map<String, BudgetLimit>> limits =
      new EnumMap<>(BudgetScope.class);
  private final Map<String, BigDecimal> spend = new ConcurrentHashMap<>();
  private final Set<String> alerted = ConcurrentHashMap.newKeySet();

  /**
   * @throws IllegalArgumentException if two budgets name the same scope and id
   */
  public BudgetLedger(List<BudgetLimit> budgets) {
    for (BudgetScope scope : BudgetScope.values()) {
      limits.put(scope, new ConcurrentHashMap<>());
    }
    for (BudgetLimit budget : budgets) {
      if (limits.get(budget.scope()).put(budget.id(), budget) != null) {
        throw new IllegalArgumentException(
            "budgets: " + budget.scope().wireName() + " '" + budget.id() + "' is listed twice");
      }
    }
  }

  /** Returns whether any budget is configured. */
  public boolean enabled() {
    return limits.values().stream().anyMatch(map -> !map.isEmpty());
  }

  /** Returns every configured budget. */
  public List<BudgetLimit> budgets() {
    List<BudgetLimit> all = new ArrayList<>();
    limits.values().forEach(map -> all.addAll(map.values()));
    return all;
  }

  /** Returns the first limit {@code owner} has reached at {@code now}, if any. */
  public Optional<BudgetBreach> check(CallOwner owner, Instant now) {
    for (BudgetScope scope : BudgetScope.values()) {
      String id = owner.idIn(scope);
      BudgetLimit budget = id == null ? null : limits.get(scope).get(id);
      if (budget == null) {
        continue;
      }
      for (BudgetPeriod period : BudgetPeriod.values()) {
        BigDecimal limit = budget.limit(period);
        if (limit == null) {
          continue;
        }
        BigDecimal spent = spent(scope, id, period, now);
        if (spent.compareTo(limit) >= 0) {
          return Optional.of(
              new BudgetBreach(budget, period, limit, spent, period.resetAfter(now)));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Charges {@code cost} to every budget of {@code owner} and returns the soft thresholds this
   * charge crossed; each threshold is returned once per period.
   */
  public List<BudgetBreach> charge(CallOwner owner, BigDecimal cost, Instant at) {
    List<BudgetBreach> crossed = new ArrayList<>();
    if (cost == null || cost.signum() == 0) {
      return crossed;
    }
    for (BudgetScope scope : BudgetScope.values()) {
      String id = owner.idIn(scope);
      // Spend is kept only for ids with a budget: user ids come from requests, so keeping every
      // one would let callers grow this map without bound.
      BudgetLimit budget = id == null ? null : limits.get(scope).get(id);
      if (budget == null) {
        continue;
      }
      for (BudgetPeriod period : BudgetPeriod.values()) {
        BigDecimal total = spend.merge(bucket(scope, id, period, at), cost, BigDecimal::add);
        BigDecimal limit = budget.limit(period);
        if (limit == null) {
          continue;
        }
        BigDecimal threshold = limit.multiply(budget.softThreshold());
        if (total.compareTo(threshold) >= 0
            && alerted.add(bucket(scope, id, period, at) + "|soft")) {
          crossed.add(new BudgetBreach(budget, period, limit, total, period.resetAfter(at)));
        }
      }
    }
    return crossed;
  }

  /**
   * Adds spend recorded before a restart without raising alerts; a threshold it crosses counts as
   * already alerted, so a restart does not repeat alerts.
   */
  public void restore(CallOwner owner, BigDecimal cost, Instant at) {
    charge(owner, cost, at);
  }

  /** Returns what {@code id} in {@code scope} has spent in the period containing {@code at}. */
  public BigDecimal spent(BudgetScope scope, String id, BudgetPeriod period, Instant at) {
    return spend.getOrDefault(bucket(scope, id, period, at), BigDecimal.ZERO);
  }

  private static String bucket(BudgetScope scope, String id, BudgetPeriod period, Instant at) {
    return scope.wireName() + "|" + id + "|" + period.keyOf(at);
  }
}
