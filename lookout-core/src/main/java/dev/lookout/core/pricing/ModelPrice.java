package dev.lookout.core.pricing;

import dev.lookout.core.usage.TokenUsage;
import java.math.BigDecimal;
import java.time.LocalDate;

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
 *     when not listed
 * @param reasoning price of a reasoning token when it differs from {@code output}, or null
 * @param longContext the higher prices that apply to the whole call once its input passes a
 *     threshold, or null when the model has a single tier
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
    LocalDate effectiveDate,
    String source) {

  private static final int PER_MILLION_DIGITS = 6;

  public ModelPrice {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("ModelPrice.model must not be blank");
    }
    requirePrice(model, "input", input);
    requirePrice(model, "output", output);
  }

  /**
   * Returns the exact cost of {@code usage} in USD, without rounding.
   *
   * <p>Cached reads and cache writes are parts of {@code inputTokens}, so each prompt token is
   * billed once: uncached ones at {@code input}, cache reads at {@code cachedInput} and cache
   * writes at {@code cacheWrite}. Output tokens are billed at {@code output}, and the reasoning
   * part of them at {@code reasoning} when that is set. NOTE: usage does not tell 5-minute from
   * 1-hour cache writes apart, so every write is billed at the 5-minute {@code cacheWrite} price.
   */
  public BigDecimal cost(TokenUsage usage) {
    boolean longCall = longContext != null && usage.inputTokens() > longContext.aboveInputTokens();
    BigDecimal inputRate = longCall ? longContext.input() : input;
    BigDecimal outputRate = longCall ? longContext.output() : output;
    BigDecimal cachedRate = orElse(longCall ? longContext.cachedInput() : cachedInput, inputRate);
    BigDecimal writeRate = orElse(longCall ? longContext.cacheWrite() : cacheWrite, inputRate);

    long reasoningTokens =
        reasoning == null ? 0 : Math.min(usage.reasoningTokens(), usage.outputTokens());
    BigDecimal perMillion =
        times(inputRate, usage.uncachedInputTokens())
            .add(times(cachedRate, usage.cachedInputTokens()))
            .add(times(writeRate, usage.cacheWriteTokens()))
            .add(times(outputRate, usage.outputTokens() - reasoningTokens));
    if (reasoningTokens > 0) {
      perMillion = perMillion.add(times(reasoning, reasoningTokens));
    }
    return perMillion.movePointLeft(PER_MILLION_DIGITS);
  }

  private static BigDecimal times(BigDecimal rate, long tokens) {
    return rate.multiply(BigDecimal.valueOf(tokens));
  }

  private static BigDecimal orElse(BigDecimal value, BigDecimal fallback) {
    return value == null ? fallback : value;
  }

  static void requirePrice(String model, String field, BigDecimal value) {
    if (value == null) {
      throw new IllegalArgumentException(
          "Price of model '" + model + "' is missing '" + field + "': add it in USD per million");
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
  }
}
