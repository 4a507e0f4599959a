package dev.lookout.core.pricing;

import java.math.BigDecimal;

/**
 * The outcome of pricing one call: the entry its model resolved to and the cost, or the reason it
 * has none.
 *
 * @param requestedModel the model name as given
 * @param price the resolved entry, or null when no entry matches
 * @param costUsd the exact cost in USD, or null when unpriced
 * @param unpricedReason why the call is unpriced, or null when {@code costUsd} is set
 */
public record PriceQuote(
    String requestedModel, ModelPrice price, BigDecimal costUsd, String unpricedReason) {

  /** Returns whether the call has a cost. */
  public boolean priced() {
    return costUsd != null;
  }

  /** Returns the name of the resolved entry, or null when no entry matches. */
  public String resolvedModel() {
    return price == null ? null : price.model();
  }
}
