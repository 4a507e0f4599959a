package dev.lookout.core.pricing;

import java.math.BigDecimal;

/**
 * Prices, in USD per million tokens, that apply to every token of a call whose input (cache reads
 * and writes included) is larger than {@code aboveInputTokens}, as Anthropic bills Claude Sonnet 4
 * and 4.5 and Google bills Gemini 2.5 Pro past 200,000 input tokens. A call of exactly {@code
 * aboveInputTokens} input tokens keeps the standard prices.
 *
 * @param aboveInputTokens the input size past which these prices apply
 * @param input price of an uncached prompt token
 * @param output price of a completion token
 * @param cachedInput price of a cache read, or null to bill it at {@code input}
 * @param cacheWrite price of a 5-minute cache write, or null to bill it at {@code input}
 * @param cacheWriteOneHour price of a 1-hour cache write, or null when not listed
 */
public record LongContextPrice(
    long aboveInputTokens,
    BigDecimal input,
    BigDecimal output,
    BigDecimal cachedInput,
    BigDecimal cacheWrite,
    BigDecimal cacheWriteOneHour) {

  /** Creates long-context prices without a 1-hour cache write price. */
  public LongContextPrice(
      long aboveInputTokens,
      BigDecimal input,
      BigDecimal output,
      BigDecimal cachedInput,
      BigDecimal cacheWrite) {
    this(aboveInputTokens, input, output, cachedInput, cacheWrite, null);
  }
}
