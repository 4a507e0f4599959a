package dev.lookout.core.pricing;

import dev.lookout.core.usage.TokenUsage;
import java.math.BigDecimal;
import java.util.Optional;

/** Prices per model, loaded from the built-in table. */
public final class PriceTable {

  /** Returns the table bundled in the jar. */
  public static PriceTable builtIn() {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Finds the price of {@code model}, resolving dated snapshots and provider prefixes. */
  public Optional<ModelPrice> find(String model) {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Returns the exact cost of {@code usage} on {@code model}, or empty when it has no price. */
  public Optional<BigDecimal> cost(String model, TokenUsage usage) {
    throw new UnsupportedOperationException("not built yet");
  }
}
