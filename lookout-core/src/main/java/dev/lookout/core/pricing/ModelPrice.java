package dev.lookout.core.pricing;

import dev.lookout.core.usage.TokenUsage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Price of one model, in USD per million tokens.
 *
 * <p>For example gpt-4o is input 2.5, output 10, cached input 1.25: a call with 4020 prompt tokens
 * of which 4012 were cache reads, and 13 output tokens, costs (8 × 2.5 + 4012 × 1.25 + 13 × 10) /
 * 1,000,000 = 0.005165 USD.
 *
 * @param model the name of the entry in the price table
 * @param provider the provider whose list price this is ({@code openai}, {@code anthropic})
 * @param input price of an uncached prompt token
 * @param output price of a completion token, reasoning included unless {@code reasoning} is set
 * @param cachedInput price of a prompt token read from the prompt cache, or null when the model has
 *     no cache discount (such tokens then cost {@code input})
 * @param cacheWrite price of a prompt token written to the prompt cache (Anthropic's 5-minute
 *     write), or null when writes cost {@code input}
 * @param cacheWriteOneHour price of a prompt token written to Anthropic's 1-hour cache, or null
 *     when not listed (a call with 1-hour writes is then unpriced)
 * @param reasoning price of a reasoning token when it differs from {@code output}, or null
 * @param longContext the higher prices that apply to the whole call once its input passes a
 *     threshold, or null when the model has a single tier
 * @param batchInput price of an uncached prompt token sent through the provider's batch API, or
 *     null when no batch price is listed
 * @param batchOutput price of a completion token returned by the provider's batch API, or null
 * @param effectiveDate the date on which the source listed this price as current
 * @param source where the price was taken from
 */
public record ModelPrice(
    String model,
    String provider,
    BigDecimal input,
    BigDecimal output,
    BigDecimal cachedInput,
    BigDecimal cacheWrite,
    BigDecimal cacheWriteOneHour,
    BigDecimal reasoning,
    LongContextPrice longContext,
    BigDecimal batchInput,
    BigDecimal batchOutput,
    LocalDate effectiveDate,
    String source) {

  public ModelPrice {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("ModelPrice.model must not be blank");
    }
    requirePrice(model, "input", input);
    requirePrice(model, "output", output);
    requireValidPrice(model, "cached_input", cachedInput);
    requireValidPrice(model, "cache_write", cacheWrite);
    requireValidPrice(model, "cache_write_1h", cacheWriteOneHour);
    requireValidPrice(model, "reasoning", reasoning);
    requireValidPrice(model, "batch_input", batchInput);
    requireValidPrice(model, "batch_output", batchOutput);
  }

  /** Creates a price without batch prices. */
  public ModelPrice(
      String model,
      String provider,
      BigDecimal input,
      BigDecimal output,
      BigDecimal cachedInput,
      BigDecimal cacheWrite,
      BigDecimal cacheWriteOneHour,
      BigDecimal reasoning,
      LongContextPrice longContext,
      LocalDate effectiveDate,
      String source) {
    this(
        model,
        provider,
        input,
        output,
        cachedInput,
        cacheWrite,
        cacheWriteOneHour,
        reasoning,
        longContext,
        null,
        null,
        effectiveDate,
        source);
  }

  /**
   * Returns the exact cost of {@code usage} in USD at the standard (not batch) prices, without
   * rounding.
   *
   * <p>Cached reads and cache writes are parts of {@code inputTokens}, so each prompt token is
   * billed once: uncached ones at {@code input}, cache reads at {@code cachedInput}, 5-minute cache
   * writes at {@code cacheWrite} and 1-hour writes at {@code cacheWriteOneHour}. Output tokens are
   * billed at {@code output}, and the reasoning part of them at {@code reasoning} when that is set.
   *
   * @throws IllegalArgumentException when {@code usage} has a part this entry has no price for
   *     (1-hour cache writes without {@code cacheWriteOneHour}); {@link #unpricedReason} says so
   *     beforehand
   */
  public BigDecimal cost(TokenUsage usage) {
    return cost(usage, false)
        .orElseThrow(() -> new IllegalArgumentException(unpricedReason(usage, false).orElse("")));
  }

  /**
   * Returns the exact cost of {@code usage} in USD, at batch prices when {@code batch} is set, or
   * empty when this entry lacks a price that {@code usage} needs ({@link #unpricedReason} says
   * which).
   */
  public Optional<BigDecimal> cost(TokenUsage usage, boolean batch) {
    if (CostCalculator.unpricedReason(this, usage, batch) != null) {
      return Optional.empty();
    }
    return Optional.of(CostCalculator.cost(this, usage, batch));
  }

  /**
   * Returns why {@code usage} cannot be priced with this entry, or empty when it can: a 1-hour
   * cache write without a 1-hour price, or a batch call without batch prices.
   */
  public Optional<String> unpricedReason(TokenUsage usage, boolean batch) {
    return Optional.ofNullable(CostCalculator.unpricedReason(this, usage, batch));
  }

  static void requirePrice(String model, String field, BigDecimal value) {
    if (value == null) {
      throw new IllegalArgumentException(
          "Price of model '" + model + "' is missing '" + field + "': add it in USD per million");
    }
    requireValidPrice(model, field, value);
  }

  /**
   * Highest price accepted, in USD per million tokens: far above any real model, and low enough
   * that the cost of any call fits the store's DECIMAL(38,12).
   */
  static final BigDecimal MAX_PRICE = new BigDecimal("1000000");

  /**
   * Most decimal places of a per-million price. LiteLLM writes some prices as binary-float
   * artefacts with 16 places (2.9999900000000002); far more is a typo such as 1E-2147483647.
   */
  static final int MAX_PRICE_SCALE = 24;

  /** Rejects a negative price, one above {@link #MAX_PRICE}, or one with too many decimals. */
  static void requireValidPrice(String model, String field, BigDecimal value) {
    if (value == null) {
      return;
    }
    if (value.signum() < 0) {
      throw new IllegalArgumentException(
          "Price of model '"
              + model
              + "' has a negative '"
              + field
              + "': "
              + value.toPlainString());
    }
    // Checked before any plain rendering: 1E-2147483647 would print two billion digits.
    if (value.compareTo(MAX_PRICE) > 0
        || value.signum() != 0 && value.stripTrailingZeros().scale() > MAX_PRICE_SCALE) {
      throw new IllegalArgumentException(
          "Price of model '"
              + model
              + "' field '"
              + field
              + "' is "
              + value
              + " USD per million tokens; it must be between 0 and "
              + MAX_PRICE.toPlainString()
              + " with at most "
              + MAX_PRICE_SCALE
              + " decimal places");
    }
  }
}
