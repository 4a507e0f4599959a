package dev.lookout.core.pricing;

import dev.lookout.core.usage.TokenUsage;
import java.math.BigDecimal;

/**
 * Computes the exact cost of one call from a {@link ModelPrice} and a {@link TokenUsage}.
 *
 * <p>The call's tier is chosen once, from its whole input: when the model has long-context prices
 * and the input is above their threshold, every token of the call is billed at the long-context
 * rates; at or below the threshold every token keeps the standard rates.
 *
 * <p>Cache reads and writes need their own rate in the tier that applies; a call that has them
 * where the entry lists none is unpriced, with the missing field named.
 *
 * <p>Batch calls use {@code batchInput} and {@code batchOutput}. NOTE: providers publish no
 * separate batch price for cache reads, cache writes, reasoning or long-context tiers in the
 * sources this table is built from, so a batch call with any of those is reported as unpriced
 * rather than guessed.
 */
final class CostCalculator {
  private static final int PER_MILLION_DIGITS = 6;

  private CostCalculator() {}

  /** Returns why {@code usage} cannot be priced with {@code price}, or null when it can. */
  static String unpricedReason(ModelPrice price, TokenUsage usage, boolean batch) {
    boolean longCall = isLongCall(price, usage);
    LongContextPrice tier = longCall ? price.longContext() : null;
    String where =
        longCall ? " above " + price.longContext().aboveInputTokens() + " input tokens" : "";
    // A cache read or write is billed at its own rate. A missing rate leaves the call unpriced,
    // because billing the input rate instead would overcharge a 90% discount tenfold.
    if (usage.cachedInputTokens() > 0
        && (tier != null ? tier.cachedInput() : price.cachedInput()) == null) {
      return "no cached input price is listed for '"
          + price.model()
          + "'"
          + where
          + "; add cached_input to a prices file";
    }
    if (usage.cacheWriteFiveMinuteTokens() > 0
        && (tier != null ? tier.cacheWrite() : price.cacheWrite()) == null) {
      return "no cache write price is listed for '"
          + price.model()
          + "'"
          + where
          + "; add cache_write to a prices file";
    }
    if (usage.cacheWriteOneHourTokens() > 0 && oneHourRate(price, longCall) == null) {
      return "no 1-hour cache write price is listed for '" + price.model() + "'" + where;
    }
    if (!batch) {
      return null;
    }
    if (price.batchInput() == null || price.batchOutput() == null) {
      return "no batch price is listed for '" + price.model() + "'";
    }
    if (longCall) {
      return "no batch price is listed for '"
          + price.model()
          + "' above "
          + price.longContext().aboveInputTokens()
          + " input tokens";
    }
    if (usage.cachedInputTokens() > 0 || usage.cacheWriteTokens() > 0) {
      return "no batch price is listed for cache reads or writes of '" + price.model() + "'";
    }
    if (price.reasoning() != null && usage.reasoningTokens() > 0) {
      return "no batch price is listed for reasoning tokens of '" + price.model() + "'";
    }
    return null;
  }

  /** Returns the cost in USD. Call it only when {@link #unpricedReason} returned null. */
  static BigDecimal cost(ModelPrice price, TokenUsage usage, boolean batch) {
    boolean longCall = isLongCall(price, usage);
    LongContextPrice tier = longCall ? price.longContext() : null;
    BigDecimal inputRate;
    BigDecimal outputRate;
    if (batch) {
      inputRate = price.batchInput();
      outputRate = price.batchOutput();
    } else {
      inputRate = tier != null ? tier.input() : price.input();
      outputRate = tier != null ? tier.output() : price.output();
    }
    // Unused when null: unpricedReason rejects a call with cache tokens and no rate for them.
    BigDecimal cachedRate =
        orElse(tier != null ? tier.cachedInput() : price.cachedInput(), BigDecimal.ZERO);
    BigDecimal writeRate =
        orElse(tier != null ? tier.cacheWrite() : price.cacheWrite(), BigDecimal.ZERO);

    // Reasoning has its own rate only in the standard tier, because long-context tiers list none.
    long reasoningTokens =
        price.reasoning() == null || tier != null
            ? 0
            : Math.min(usage.reasoningTokens(), usage.outputTokens());
    BigDecimal perMillion =
        times(inputRate, usage.uncachedInputTokens())
            .add(times(cachedRate, usage.cachedInputTokens()))
            .add(times(writeRate, usage.cacheWriteFiveMinuteTokens()))
            .add(times(outputRate, usage.outputTokens() - reasoningTokens));
    if (usage.cacheWriteOneHourTokens() > 0) {
      perMillion =
          perMillion.add(times(oneHourRate(price, longCall), usage.cacheWriteOneHourTokens()));
    }
    if (reasoningTokens > 0) {
      perMillion = perMillion.add(times(price.reasoning(), reasoningTokens));
    }
    return perMillion.movePointLeft(PER_MILLION_DIGITS);
  }

  private static boolean isLongCall(ModelPrice price, TokenUsage usage) {
    return price.longContext() != null
        && usage.inputTokens() > price.longContext().aboveInputTokens();
  }

  private static BigDecimal oneHourRate(ModelPrice price, boolean longCall) {
    return longCall ? price.longContext().cacheWriteOneHour() : price.cacheWriteOneHour();
  }

  private static BigDecimal times(BigDecimal rate, long tokens) {
    return rate.multiply(BigDecimal.valueOf(tokens));
  }

  private static BigDecimal orElse(BigDecimal value, BigDecimal fallback) {
    return value == null ? fallback : value;
  }
}
